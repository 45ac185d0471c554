/**
 * The tamper-evident audit log (DESIGN.md §9): each row's hash is SHA-256 over the previous row's hash,
 * its own id and its content, so editing or deleting any row breaks the chain from there on. Rows are
 * appended inside the caller's transaction (the batch they describe commits with them or not at all).
 */
import { createHash } from 'node:crypto';
import type postgres from 'postgres';
import type { Sql } from '../../engine/store/mod.ts';

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, id: number, content: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(String(id)).update('\n').update(content).digest('hex');
}

/** Appends one row in `tx`; the audit_head row lock orders concurrent writers. Returns the row id. */
export async function appendAudit(tx: postgres.TransactionSql, content: string): Promise<number> {
  const [head] = await tx<{ last_id: string; hash: string }[]>`select last_id, hash from audit_head for update`;
  if (!head) throw new Error('audit_head has no row (migration 0002 not applied?)');
  const id = Number(head.last_id) + 1;
  const hash = auditHash(head.hash, id, content);
  await tx`insert into audit_log (id, prev_hash, hash, content) values (${id}, ${head.hash}, ${hash}, ${content})`;
  await tx`update audit_head set last_id = ${id}, hash = ${hash}`;
  return id;
}

export type AuditVerdict =
  | { ok: true; rows: number }
  /** `id`: the first bad row (for a deletion, the missing id); `rows`: rows that checked out before it. */
  | { ok: false; rows: number; id: number; reason: string };

/**
 * Walks the whole chain in id order in one read-only snapshot and reports the first row that was
 * edited, removed or re-linked, or a removed tail (the head row remembers the last id and hash).
 */
export async function verifyAuditLog(sql: Sql, options: { pageSize?: number } = {}): Promise<AuditVerdict> {
  const pageSize = options.pageSize ?? 5000;
  return sql.begin('isolation level repeatable read read only', async (tx) => {
    let prevId = 0;
    let prevHash = GENESIS_HASH;
    let rows = 0;
    for (;;) {
      const page = await tx<{ id: string; prev_hash: string; hash: string; content: string }[]>`
        select id, prev_hash, hash, content from audit_log where id > ${prevId} order by id limit ${pageSize}`;
      for (const r of page) {
        const id = Number(r.id);
        if (id !== prevId + 1) {
          return { ok: false as const, rows, id: prevId + 1, reason: `row ${prevId + 1} is missing (deleted); the chain resumes at ${id}` };
        }
        if (r.prev_hash !== prevHash) {
          return { ok: false as const, rows, id, reason: `prev_hash does not match row ${prevId}'s hash (a row was re-hashed or replaced)` };
        }
        if (auditHash(r.prev_hash, id, r.content) !== r.hash) {
          return { ok: false as const, rows, id, reason: 'hash does not match the content (row edited)' };
        }
        prevId = id;
        prevHash = r.hash;
        rows++;
      }
      if (page.length < pageSize) break;
    }
    const [head] = await tx<{ last_id: string; hash: string }[]>`select last_id, hash from audit_head`;
    const headId = head ? Number(head.last_id) : -1;
    if (headId > prevId) {
      return { ok: false as const, rows, id: prevId + 1, reason: `rows ${prevId + 1}..${headId} are missing (tail deleted)` };
    }
    if (!head || headId !== prevId || head.hash !== prevHash) {
      return { ok: false as const, rows, id: prevId, reason: 'audit_head does not match the last row (head or tail altered)' };
    }
    return { ok: true as const, rows };
  });
}
