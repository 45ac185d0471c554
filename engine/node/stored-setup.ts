/**
 * What users stored through the gateway for the engine to run (the `instruments` table and the active
 * workflow versions): a node that starts, or restarts, runs them again. While it runs, it follows their
 * changes on the control subjects (`instrument.registered`, `workflow.changed.<account>`), which carry no
 * history: without this a restarted node would forget every workflow uploaded since it was started.
 */
import { isPipstreamError, PipstreamError } from '../errors/mod.ts';
import { assertInstrumentName } from '../instruments/mod.ts';
import type { Sql } from '../store/mod.ts';
import { validateWorkflow, type Workflow } from '../workflow/mod.ts';

export interface StoredSetup {
  /** Registered instruments, by name. */
  instruments: string[];
  /** The active version of every stored workflow that still validates. */
  workflows: Workflow[];
  /** Stored rows the engine cannot run, with the reason (e.g. a document that no longer validates). */
  skipped: Array<{ what: string; code: string; reason: string }>;
}

interface WorkflowRow { account_id: string; id: string; version: number; definition: unknown }

export async function loadStoredSetup(sql: Sql): Promise<StoredSetup> {
  const skipped: StoredSetup['skipped'] = [];
  const instruments: string[] = [];
  for (const { name } of await sql<Array<{ name: string }>>`select name from instruments order by name`) {
    try {
      instruments.push(assertInstrumentName(name));
    } catch (err) {
      if (!isPipstreamError(err)) throw err;
      skipped.push({ what: `instrument ${name}`, code: err.code, reason: err.message });
    }
  }
  const rows = await sql<WorkflowRow[]>`select account_id, id, version, definition from workflows where active order by account_id, id`;
  const workflows: Workflow[] = [];
  for (const r of rows) {
    const what = `workflow ${r.account_id}/${r.id} v${r.version}`;
    try {
      const doc = validateWorkflow(r.definition);
      if (doc.account !== r.account_id || doc.id !== r.id || doc.version !== r.version) {
        throw new PipstreamError('PS_WORKFLOW_INVALID', `its document names ${doc.account}/${doc.id} v${doc.version}`);
      }
      workflows.push(doc);
    } catch (err) {
      if (!isPipstreamError(err)) throw err;
      skipped.push({ what, code: err.code, reason: err.message });
    }
  }
  return { instruments, workflows, skipped };
}

/**
 * The accounts registered in PostgreSQL (through the gateway). A node serving the database trades for every one
 * of them, with workflows or without: a trader's manual orders reach the node only as journaled signals.
 */
export interface AccountDirectory {
  /** Every registered account. */
  list(): Promise<string[]>;
  /** Whether the account is registered (an unknown one is asked again after `missTtlMs`). */
  has(account: string): Promise<boolean>;
}

/** The `accounts` table as an AccountDirectory; a registered account is remembered, a miss for `missTtlMs` (default 5 s). */
export function storedAccounts(sql: Sql, missTtlMs = 5000): AccountDirectory {
  const known = new Set<string>();
  const missed = new Map<string, number>();
  const wrap = (err: unknown) => new PipstreamError('PS_SERVICE_UNAVAILABLE', `registered accounts could not be read from PostgreSQL: ${(err as Error)?.message}`,
    { service: 'postgres' }, { cause: err });
  return {
    async list() {
      try {
        const rows = await sql<Array<{ id: string }>>`select id from accounts order by id`;
        for (const r of rows) known.add(r.id);
        return rows.map((r) => r.id);
      } catch (err) {
        throw wrap(err);
      }
    },
    async has(account) {
      if (known.has(account)) return true;
      if ((missed.get(account) ?? -Infinity) > Date.now()) return false;
      let found;
      try {
        found = (await sql`select 1 from accounts where id = ${account}`).length > 0;
      } catch (err) {
        throw wrap(err);
      }
      if (found) {
        known.add(account);
        missed.delete(account);
      } else {
        // Bounded: foreign accounts on a shared bus are many.
        if (missed.size >= 10_000) missed.clear();
        missed.set(account, Date.now() + missTtlMs);
      }
      return found;
    },
  };
}
