/**
 * The caller's account, its risk limits and the halts of its risk budget, its live WebSocket connections (on
 * every gateway), and instruments (registering one starts its actor on a supervisor).
 */
import { PipstreamError } from '../../engine/errors/mod.ts';
import { encodeInstrumentRegisteredEvent, EventType, makeEnvelope } from '../../engine/events/mod.ts';
import type { RiskControlOp, RiskControlReply } from '../../engine/node/risk-control.ts';
import { loadLimits, saveLimits } from '../../engine/risk/mod.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import type { GatewayDeps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import type { RouteDef } from '../http/route.ts';
import { S } from '../http/validate.ts';

const limitsOut = { type: 'object', properties: { account: S.account, limits: { type: 'object' }, version: { type: 'integer' } } };
const riskOut = { type: 'object', properties: {
  ok: { type: 'boolean' }, op: { type: 'string' }, budget: { type: 'boolean' }, dailyLoss: { type: 'number' }, drawdownPct: { type: 'number' }, equityPeak: { type: 'number' },
  halted: { type: 'object', properties: Object.fromEntries(['dailyLoss', 'drawdown', 'manual', 'reconciliation'].map((k) => [k, { type: 'boolean' }])) },
} };

/** Asks the node that trades for the account (risk.control.<account>); the account is the caller's. */
async function riskControl(deps: GatewayDeps, account: string, op: RiskControlOp): Promise<RiskControlReply & { ok: true }> {
  let reply: Uint8Array;
  try {
    reply = await deps.bus.request(Subjects.riskControl(account), Buffer.from(JSON.stringify({ op })), { timeoutMs: deps.options.confirmTimeoutMs });
  } catch (err) {
    // No responder at all, or none that trades for the account (each node answers only for its own): the same to the caller.
    throw new PipstreamError('PS_SERVICE_UNAVAILABLE', `no node trading for account ${account} answered (${(err as Error).message})`,
      { service: 'risk-control' }, { cause: err });
  }
  const r = JSON.parse(Buffer.from(reply).toString('utf8')) as RiskControlReply;
  if (!r.ok) throw new PipstreamError('PS_CONFLICT', r.reason);
  return r;
}

export function accountRoutes(deps: GatewayDeps): RouteDef[] {
  const { sql } = deps;
  return [
    {
      method: 'get', path: '/v1/accounts/{account}', tag: 'accounts', access: 'read', summary: 'The account',
      response: { status: 200, description: 'the account', schema: { type: 'object' } },
      async handle(ctx) {
        const rows = await sql`select id, name, currency, created_at from accounts where id = ${ctx.params.account}`;
        if (rows.length === 0) throw notFound(`account ${ctx.params.account}`);
        return { body: rows[0] };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/risk-limits', tag: 'accounts', access: 'read', summary: "The account's risk limits",
      response: { status: 200, description: 'limits (404 when none are set)', schema: limitsOut },
      async handle(ctx) {
        const stored = await loadLimits(sql, ctx.params.account);
        if (stored === null) throw notFound(`risk limits of ${ctx.params.account}`);
        return { body: { account: stored.account, limits: stored.limits, version: stored.version } };
      },
    },
    {
      method: 'put', path: '/v1/accounts/{account}/risk-limits', tag: 'accounts', access: 'owner',
      summary: 'Replace the risk limits (validated; errors carry JSON paths); nodes apply them live',
      // The engine's own schema validates (saveLimits); the document shows it.
      body: { type: 'object' },
      response: { status: 200, description: 'the stored limits', schema: limitsOut },
      async handle(ctx) {
        const stored = await saveLimits(sql, ctx.params.account, ctx.body);
        return { body: { account: stored.account, limits: stored.limits, version: stored.version } };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/risk', tag: 'accounts', access: 'read',
      summary: "The account's risk budget now: which halts are on, today's loss, the drawdown and the peak it is measured from",
      response: { status: 200, description: "the node's answer (503 when no node trades for the account)", schema: riskOut },
      async handle(ctx) {
        return { body: await riskControl(deps, ctx.params.account, 'status') };
      },
    },
    ...([
      ['halt', 'halt', 'write', 'Halt new orders of the account (ACCOUNT_HALTED) until resumed; positions and pending orders are untouched'],
      ['resume', 'resume', 'owner', 'Lift an operator halt (loss halts have their own: the next trading day, clear-drawdown-halt)'],
      ['clear-drawdown-halt', 'clear_drawdown_halt', 'owner', 'Trade on after a drawdown halt: the current equity becomes the peak drawdown is measured from'],
    ] as const).map(([path, op, access, summary]): RouteDef => ({
      method: 'post', path: `/v1/accounts/{account}/risk/${path}`, tag: 'accounts', access, summary,
      response: { status: 200, description: 'the budget after it (halts outlive a restart of the node)', schema: riskOut },
      async handle(ctx) {
        return { body: await riskControl(deps, ctx.params.account, op) };
      },
    })),
    {
      method: 'get', path: '/v1/accounts/{account}/sessions', tag: 'accounts', access: 'read',
      summary: "The account's live WebSocket connections on every gateway (the session map in Redis)",
      response: { status: 200, description: 'connections, oldest first', schema: { type: 'object', properties: {
        account: S.account,
        sessions: { type: 'array', items: { type: 'object', properties: {
          gateway: { type: 'string' }, connection: { type: 'string' }, user: { type: 'string' },
          openedAt: { type: 'string', format: 'date-time' }, channels: { type: 'array', items: { type: 'string' } },
        } } },
      } } },
      async handle(ctx) {
        return { body: { account: ctx.params.account, sessions: await deps.sessions.list(ctx.params.account) } };
      },
    },
    {
      method: 'get', path: '/v1/instruments', tag: 'instruments', access: 'read', summary: 'Registered instruments',
      response: { status: 200, description: 'instruments', schema: { type: 'object', properties: { instruments: { type: 'array' } } } },
      async handle() {
        return { body: { instruments: await sql`select name, base, quote, pip_location, display_precision, tradeable from instruments order by name` } };
      },
    },
    {
      method: 'post', path: '/v1/instruments', tag: 'instruments', access: 'owner',
      summary: 'Register an instrument; supervisors start its actor on instrument.registered',
      body: { type: 'object', required: ['name', 'pip_location', 'display_precision'], additionalProperties: false,
        properties: { name: S.instrument, pip_location: { type: 'integer', minimum: -10, maximum: 4 },
          display_precision: { type: 'integer', minimum: 0, maximum: 10 } } },
      response: { status: 201, description: 'registered', schema: { type: 'object' } },
      async handle(ctx) {
        const b = ctx.body as { name: string; pip_location: number; display_precision: number };
        const rows = await sql`insert into instruments (name, base, quote, pip_location, display_precision)
          values (${b.name}, ${b.name.slice(0, 3)}, ${b.name.slice(4)}, ${b.pip_location}, ${b.display_precision})
          on conflict (name) do nothing returning name, base, quote, pip_location, display_precision, tradeable`;
        if (rows.length === 0) throw new PipstreamError('PS_CONFLICT', `instrument ${b.name} is already registered`);
        deps.bus.publishCore(Subjects.instrumentRegistered, encodeInstrumentRegisteredEvent({
          envelope: makeEnvelope(EventType.EVENT_TYPE_INSTRUMENT_REGISTERED),
          instrumentRegistered: { instrument: b.name, pipLocation: b.pip_location, displayPrecision: b.display_precision, nodeId: '' },
        }));
        return { status: 201, body: rows[0] };
      },
    },
  ];
}

