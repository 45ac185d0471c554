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
