import { createHash } from 'node:crypto';
import t from 'tap';
import type { Test } from 'tap';
import { appendAudit, verifyAuditLog } from '../actors/persistence/mod.ts';
import { applyMigrations, connectPostgres } from '../engine/store/mod.ts';
import type { Sql } from '../engine/store/mod.ts';
import { databaseUrl, probes, requireService, throwawaySchema } from './helpers/services.ts';

async function migratedSchema(t: Test, admin: Sql): Promise<Sql> {
  const { sql } = await throwawaySchema(t, admin);
  await applyMigrations(sql);
  return sql;
}

t.test('audit log hash chain', async (t) => {
  if (!(await requireService(t, 'postgres', probes.postgres))) return;
  const admin = await connectPostgres(databaseUrl(), { max: 2 });
  t.teardown(() => admin.end());
  const sql = await migratedSchema(t, admin);

  t.same(await verifyAuditLog(sql), { ok: true, rows: 0 }, 'an empty log verifies');
  for (let i = 1; i <= 10; i++) await sql.begin((tx) => appendAudit(tx, JSON.stringify({ n: i })));
  t.same(await verifyAuditLog(sql), { ok: true, rows: 10 }, 'untouched: verifies');
  t.same(await verifyAuditLog(sql, { pageSize: 3 }), { ok: true, rows: 10 }, 'same across page boundaries');

  await t.rejects(sql`update audit_log set content = 'x' where id = 3`, { code: '42501' }, 'UPDATE is refused');
  await t.rejects(sql`delete from audit_log where id = 3`, { code: '42501' }, 'DELETE is refused');

  // A tamperer who owns the table can switch the guard off; the chain still tells.
  await sql`alter table audit_log disable trigger audit_log_no_update_delete`;
  const [row4] = await sql<{ id: string; prev_hash: string; hash: string; content: string }[]>`select * from audit_log where id = 4`;
  const restore4 = () => sql`update audit_log set content = ${row4!.content}, hash = ${row4!.hash} where id = 4`;

  await sql`update audit_log set content = ${JSON.stringify({ n: 40 })} where id = 4`;
  t.match(await verifyAuditLog(sql), { ok: false, id: 4, rows: 3, reason: /edited/ }, 'edited content: row 4 reported');

  const forged = createHash('sha256').update(row4!.prev_hash).update('\n4\n').update(JSON.stringify({ n: 40 })).digest('hex');
  await sql`update audit_log set hash = ${forged} where id = 4`;
  t.match(await verifyAuditLog(sql), { ok: false, id: 5, rows: 4, reason: /prev_hash/ }, 'edited and re-hashed: the next row breaks');
  await restore4();
  t.same(await verifyAuditLog(sql), { ok: true, rows: 10 }, 'restored: verifies again');

  const [row6] = await sql`select * from audit_log where id = 6`;
  await sql`delete from audit_log where id = 6`;
  t.match(await verifyAuditLog(sql), { ok: false, id: 6, rows: 5, reason: /missing/ }, 'deleted row 6 reported');
  await sql`insert into audit_log ${sql(row6!)}`;
  t.same(await verifyAuditLog(sql), { ok: true, rows: 10 });

  await sql`delete from audit_log where id = 10`;
  t.match(await verifyAuditLog(sql), { ok: false, id: 10, rows: 9, reason: /tail/ }, 'deleted last row reported (head remembers it)');

  // Deleting rows 1..2 and renumbering would still break at the first row's prev_hash.
  await sql`delete from audit_log where id <= 2`;
  t.match(await verifyAuditLog(sql), { ok: false, id: 1, rows: 0, reason: /missing/ }, 'deleted head rows reported');
});
