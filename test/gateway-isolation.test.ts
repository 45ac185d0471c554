/** User A can neither read nor change anything of user B, on every account route, including by guessing ids. */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { testGateway } from './helpers/gateway.ts';

const workflow = JSON.parse(readFileSync(new URL('./fixtures/workflows/price-cross-1.3850.json', import.meta.url), 'utf8'));
const limits = { max_position_units: 100000 };

t.test('accounts are isolated on every route', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register();
  const b = await g.register();

  // B owns one of everything that can be created or seeded.
  const wf = await g.call('POST', `/v1/accounts/${b.account}/workflows`, { token: b.access_token, body: workflow });
  t.equal(wf.status, 201, JSON.stringify(wf.body));
  const key = await g.call('POST', `/v1/accounts/${b.account}/api-keys`, { token: b.access_token, body: { name: 'b-bot' } });
  const limitsPut = await g.call('PUT', `/v1/accounts/${b.account}/risk-limits`, { token: b.access_token, body: limits });
  t.equal(limitsPut.status, 200, JSON.stringify(limitsPut.body));
  const orderId = randomUUID();
  const signalId = randomUUID();
  await g.sql`insert into orders (order_id, state, state_rank, event_id, signal_id, account, instrument, side, units, time, broker, workflow_id, workflow_version)
    values (${orderId}, 'PENDING_CONFIRMATION', 1, ${randomUUID()}, ${signalId}, ${b.account}, 'EUR_USD', 'buy', 1000, now(), '', 'w', 1)`;
  await g.sql`insert into positions (account, instrument, order_id, units, avg_price, realized, time, journal_seq, event_id)
    values (${b.account}, 'EUR_USD', ${orderId}, 1000, 1.1, 0, now(), 1, ${randomUUID()})`;

  // B sees its own data.
  t.equal((await g.call('GET', `/v1/accounts/${b.account}/orders/${orderId}`, { token: b.access_token })).status, 200);
  t.equal((await g.call('GET', `/v1/accounts/${b.account}/positions`, { token: b.access_token })).body.positions.length, 1);
  t.equal((await g.call('GET', `/v1/accounts/${b.account}/confirmations`, { token: b.access_token })).body.confirmations.length, 1);

  const B = `/v1/accounts/${b.account}`;
  const wfId = wf.body.id;
  const attempts: [string, string, unknown?][] = [
    ['GET', B], ['GET', `${B}/risk-limits`], ['PUT', `${B}/risk-limits`, limits],
    ['GET', `${B}/api-keys`], ['POST', `${B}/api-keys`, { name: 'x' }], ['DELETE', `${B}/api-keys/${key.body.id}`],
    ['GET', `${B}/workflows`], ['POST', `${B}/workflows`, workflow], ['PUT', `${B}/workflows/${wfId}`, workflow],
    ['GET', `${B}/workflows/${wfId}/versions`], ['POST', `${B}/workflows/${wfId}/activate`], ['POST', `${B}/workflows/${wfId}/deactivate`],
    ['DELETE', `${B}/workflows/${wfId}`],
    ['GET', `${B}/orders`], ['GET', `${B}/orders/${orderId}`], ['POST', `${B}/orders`, { instrument: 'EUR_USD', side: 'buy', units: 1 }],
    ['GET', `${B}/positions`], ['GET', `${B}/pnl`], ['GET', `${B}/signals`], ['GET', `${B}/notifications`],
    ['GET', `${B}/confirmations`], ['POST', `${B}/confirmations/${signalId}/confirm`], ['POST', `${B}/confirmations/${signalId}/reject`],
  ];
  for (const [method, path, body] of attempts) {
    const r = await g.call(method, path, { token: a.access_token, body });
    t.equal(r.status, 404, `A: ${method} ${path}`);
    t.equal(r.body.error.code, 'PS_NOT_FOUND');
  }

  // Guessing B's ids under A's own account finds nothing either.
  const A = `/v1/accounts/${a.account}`;
  const guesses: [string, string][] = [
    ['GET', `${A}/orders/${orderId}`], ['GET', `${A}/workflows/${wfId}/versions`], ['PUT', `${A}/workflows/${wfId}`],
    ['POST', `${A}/workflows/${wfId}/activate`], ['DELETE', `${A}/workflows/${wfId}`], ['DELETE', `${A}/api-keys/${key.body.id}`],
  ];
  for (const [method, path] of guesses) {
    const r = await g.call(method, path, { token: a.access_token, body: method === 'PUT' ? workflow : undefined });
    t.equal(r.status, 404, `A guessing: ${method} ${path}`);
  }
  t.same((await g.call('GET', `${A}/positions`, { token: a.access_token })).body.positions, []);
  t.same((await g.call('GET', `${A}/confirmations`, { token: a.access_token })).body.confirmations, []);
  t.same((await g.call('GET', `${A}/workflows`, { token: a.access_token })).body.workflows, []);

  // Nothing of B's changed.
  t.equal((await g.call('GET', `${B}/workflows/${wfId}/versions`, { token: b.access_token })).body.versions.length, 1);
  t.equal((await g.call('GET', `${B}/api-keys`, { token: b.access_token })).body.api_keys[0].revoked_at, null);
  t.equal((await g.call('GET', `${B}/risk-limits`, { token: b.access_token })).body.version, 1);
  // B's API key reaches B's data only.
  t.equal((await g.call('GET', `${A}/orders`, { token: key.body.key })).status, 404);
  t.equal((await g.call('GET', `${B}/orders`, { token: key.body.key })).status, 200);
});

t.test('workflows: create, update (new version), versions, activate/deactivate, delete; announced on workflow.changed', async (t) => {
  const g = await testGateway(t);
  if (!g) return;
  const a = await g.register();
  const A = `/v1/accounts/${a.account}`;
  const seen: string[] = [];
  const { Subjects } = await import('../engine/switchboard/mod.ts');
  const { decodeWorkflowChangedEvent } = await import('../engine/events/mod.ts');
  const sub = g.bus.subscribe(Subjects.workflowChanged(a.account), (m) => {
    const ev = decodeWorkflowChangedEvent(m.data).workflowChanged!;
    seen.push(`${ev.workflowId}@${ev.version}:${ev.active}`);
  });
  t.teardown(() => sub.unsubscribe());

  const created = await g.call('POST', `${A}/workflows`, { token: a.access_token, body: workflow });
  t.equal(created.status, 201);
  t.equal(created.body.definition.account, a.account, 'the account is the caller’s, whatever the document said');
  t.equal((await g.call('POST', `${A}/workflows`, { token: a.access_token, body: workflow })).status, 409);
  const updated = await g.call('PUT', `${A}/workflows/${workflow.id}`, { token: a.access_token, body: { ...workflow, nodes: workflow.nodes.slice(0, 1).concat(workflow.nodes[2]), edges: [workflow.edges[0]] } });
  t.equal(updated.status, 200, JSON.stringify(updated.body));
  t.equal(updated.body.version, 2);
  const versions = await g.call('GET', `${A}/workflows/${workflow.id}/versions`, { token: a.access_token });
  t.same(versions.body.versions.map((v: { version: number; active: boolean }) => [v.version, v.active]), [[2, true], [1, false]]);
  t.equal((await g.call('POST', `${A}/workflows/${workflow.id}/deactivate`, { token: a.access_token })).body.active, false);
  t.equal((await g.call('POST', `${A}/workflows/${workflow.id}/activate`, { token: a.access_token })).body.active, true);
  t.equal((await g.call('DELETE', `${A}/workflows/${workflow.id}`, { token: a.access_token })).status, 204);
  t.equal((await g.call('GET', `${A}/workflows/${workflow.id}/versions`, { token: a.access_token })).status, 404);

  const bad = await g.call('POST', `${A}/workflows`, { token: a.access_token, body: { ...workflow, nodes: [{ id: 'x', kind: 'trigger', type: 'price_cross' }] } });
  t.equal(bad.status, 400);
  t.equal(bad.body.error.code, 'PS_WORKFLOW_INVALID');
  t.ok(bad.body.error.details.errors.every((e: { path: string }) => e.path.startsWith('/')), 'errors carry JSON paths');
  const badLimits = await g.call('PUT', `${A}/risk-limits`, { token: a.access_token, body: { max_position_units: -1 } });
  t.equal(badLimits.status, 400);
  t.match(badLimits.body.error.details.errors[0].path, /^\/max_position_units/);

  await new Promise((r) => setTimeout(r, 200));
  t.same(seen, [`${workflow.id}@1:true`, `${workflow.id}@2:true`, `${workflow.id}@2:false`, `${workflow.id}@2:true`, `${workflow.id}@2:false`]);
});
