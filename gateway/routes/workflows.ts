/**
 * Workflows: versions are immutable rows (workflows table); create is version 1, update adds a version,
 * activate/deactivate/delete flip which version runs. Every change is announced on
 * `workflow.changed.<account>`, which nodes follow (engine/node listenControl).
 */
import { encodeWorkflowChangedEvent, EventType, makeEnvelope } from '../../engine/events/mod.ts';
import { PipstreamError } from '../../engine/errors/mod.ts';
import { Subjects } from '../../engine/switchboard/mod.ts';
import { validateWorkflow } from '../../engine/workflow/mod.ts';
import type { GatewayDeps } from '../deps.ts';
import { badRequest, notFound } from '../http/errors.ts';
import type { RouteDef } from '../http/route.ts';
import { S } from '../http/validate.ts';

interface Row { id: string; version: number; definition: Record<string, unknown>; active: boolean; created_at: Date }

const versionOut = { type: 'object', properties: { id: S.workflowId, version: { type: 'integer' }, active: { type: 'boolean' },
  definition: { type: 'object' }, created_at: { type: 'string', format: 'date-time' } } };
const id = { id: S.workflowId };

export function workflowRoutes(deps: GatewayDeps): RouteDef[] {
  const { sql, bus } = deps;

  function announce(account: string, row: Pick<Row, 'id' | 'version' | 'definition' | 'active'>): void {
    bus.publishCore(Subjects.workflowChanged(account), encodeWorkflowChangedEvent({
      envelope: makeEnvelope(EventType.EVENT_TYPE_WORKFLOW_CHANGED),
      workflowChanged: { account, workflowId: row.id, version: row.version, documentJson: JSON.stringify(row.definition), active: row.active },
    }));
  }

  /** The document as stored: account and version are the gateway's to set, the rest is the engine's validation. */
  function checked(account: string, body: unknown, version: number, workflowId?: string): Record<string, unknown> {
    const doc: Record<string, unknown> = { ...(body as Record<string, unknown>), account, version };
    if (workflowId !== undefined) {
      if (doc.id !== undefined && doc.id !== workflowId) throw badRequest('the workflow id cannot change', [{ path: '/id', message: `must be ${workflowId}` }]);
      doc.id = workflowId;
    }
    validateWorkflow(doc);
    if (typeof doc.id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(doc.id)) {
      throw badRequest('invalid workflow id', [{ path: '/id', message: 'must be 1 to 64 letters, digits, _ or -' }]);
    }
    return doc;
  }

  async function latest(account: string, workflowId: string): Promise<Row> {
    const rows = await sql<Row[]>`select id, version, definition, active, created_at from workflows
      where account_id = ${account} and id = ${workflowId} order by version desc limit 1`;
    if (rows.length === 0) throw notFound(`workflow ${workflowId}`);
    return rows[0];
  }

  async function setActive(account: string, workflowId: string, active: boolean): Promise<Row> {
    const row = await latest(account, workflowId);
    await sql.begin(async (tx) => {
      await tx`update workflows set active = false where account_id = ${account} and id = ${workflowId}`;
      if (active) await tx`update workflows set active = true where account_id = ${account} and id = ${workflowId} and version = ${row.version}`;
    });
    const now = { ...row, active };
    announce(account, now);
    return now;
  }

  return [
    {
      method: 'post', path: '/v1/accounts/{account}/workflows', tag: 'workflows', access: 'write',
      summary: 'Create a workflow (version 1, active); validation errors carry JSON paths',
      body: { type: 'object' },
      response: { status: 201, description: 'the first version', schema: versionOut },
      async handle(ctx) {
        const account = ctx.params.account;
        const doc = checked(account, ctx.body, 1);
        const rows = await sql<Row[]>`insert into workflows (account_id, id, version, definition, active)
          values (${account}, ${doc.id as string}, 1, ${sql.json(doc as never)}, true)
          on conflict do nothing returning id, version, definition, active, created_at`;
        if (rows.length === 0) throw new PipstreamError('PS_CONFLICT', `workflow ${String(doc.id)} exists; PUT a new version instead`);
        announce(account, rows[0]);
        return { status: 201, body: rows[0] };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/workflows', tag: 'workflows', access: 'read', summary: 'Latest version of each workflow',
      response: { status: 200, description: 'workflows', schema: { type: 'object', properties: { workflows: { type: 'array', items: versionOut } } } },
      async handle(ctx) {
        const rows = await sql`select distinct on (id) id, version, definition, active, created_at from workflows
          where account_id = ${ctx.params.account} order by id, version desc`;
        return { body: { workflows: rows } };
      },
    },
    {
      method: 'put', path: '/v1/accounts/{account}/workflows/{id}', tag: 'workflows', access: 'write', params: id,
      summary: 'Update: store the document as a new version (it becomes the active one)',
      body: { type: 'object' },
      response: { status: 200, description: 'the new version', schema: versionOut },
      async handle(ctx) {
        const account = ctx.params.account;
        const prev = await latest(account, ctx.params.id);
        const doc = checked(account, ctx.body, prev.version + 1, ctx.params.id);
        const row = await sql.begin(async (tx) => {
          await tx`update workflows set active = false where account_id = ${account} and id = ${ctx.params.id}`;
          const rows = await tx<Row[]>`insert into workflows (account_id, id, version, definition, active)
            values (${account}, ${ctx.params.id}, ${prev.version + 1}, ${sql.json(doc as never)}, true)
            returning id, version, definition, active, created_at`;
          return rows[0];
        }).catch((err: { code?: string }) => {
          if (err.code === '23505') throw new PipstreamError('PS_CONFLICT', 'a concurrent update created this version; retry');
          throw err;
        });
        announce(account, row);
        return { body: row };
      },
    },
    {
      method: 'get', path: '/v1/accounts/{account}/workflows/{id}/versions', tag: 'workflows', access: 'read', params: id,
      summary: 'Every version of a workflow, newest first',
      response: { status: 200, description: 'versions', schema: { type: 'object', properties: { versions: { type: 'array', items: versionOut } } } },
      async handle(ctx) {
        const rows = await sql`select id, version, definition, active, created_at from workflows
          where account_id = ${ctx.params.account} and id = ${ctx.params.id} order by version desc`;
        if (rows.length === 0) throw notFound(`workflow ${ctx.params.id}`);
        return { body: { versions: rows } };
      },
    },
    {
      method: 'post', path: '/v1/accounts/{account}/workflows/{id}/activate', tag: 'workflows', access: 'write', params: id,
      summary: 'Run the latest version', response: { status: 200, description: 'activated', schema: versionOut },
      async handle(ctx) {
        return { body: await setActive(ctx.params.account, ctx.params.id, true) };
      },
    },
    {
      method: 'post', path: '/v1/accounts/{account}/workflows/{id}/deactivate', tag: 'workflows', access: 'write', params: id,
      summary: 'Stop running the workflow (versions are kept)', response: { status: 200, description: 'deactivated', schema: versionOut },
      async handle(ctx) {
        return { body: await setActive(ctx.params.account, ctx.params.id, false) };
      },
    },
    {
      method: 'delete', path: '/v1/accounts/{account}/workflows/{id}', tag: 'workflows', access: 'write', params: id,
      summary: 'Delete a workflow and all its versions (stopped first)', response: { status: 204, description: 'deleted' },
      async handle(ctx) {
        const row = await latest(ctx.params.account, ctx.params.id);
        await sql`delete from workflows where account_id = ${ctx.params.account} and id = ${ctx.params.id}`;
        announce(ctx.params.account, { ...row, active: false });
        return { status: 204 };
      },
    },
  ];
}
