/** Workflow validation: the published JSON Schema (ajv, compiled once) and the semantic rules on top. */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { PipstreamError, isPipstreamError } from '../errors/mod.ts';
import { parseCondition } from './expr.ts';
import { checkParams } from './indicators.ts';
import type { IndicatorRef, Operand, Workflow, WorkflowIssue, WorkflowNode } from './types.ts';

export const WORKFLOW_SCHEMA_URL = new URL('./workflow.schema.json', import.meta.url);
export const workflowSchema: Readonly<Record<string, unknown>> = JSON.parse(readFileSync(WORKFLOW_SCHEMA_URL, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
const schemaValidate = ajv.compile(workflowSchema);

const ptr = (s: string | number): string => String(s).replace(/~/g, '~0').replace(/\//g, '~1');

function fromAjv(e: ErrorObject): WorkflowIssue | null {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'if': return null; // the failing `then` reports the precise errors
    case 'required': return { path: `${e.instancePath}/${ptr(p.missingProperty as string)}`, message: 'is required' };
    case 'additionalProperties': return { path: `${e.instancePath}/${ptr(p.additionalProperty as string)}`, message: 'is not an allowed property' };
    case 'false schema': return { path: e.instancePath, message: 'is not allowed here' };
    case 'const': return { path: e.instancePath, message: `must be ${JSON.stringify(p.allowedValue)}` };
    case 'enum': return { path: e.instancePath, message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    default: return { path: e.instancePath, message: e.message ?? e.keyword };
  }
}

/** All problems of a document (empty = valid). Schema problems first; semantic rules run on schema-valid documents. */
export function workflowIssues(doc: unknown): WorkflowIssue[] {
  if (!schemaValidate(doc)) {
    const seen = new Set<string>();
    const out: WorkflowIssue[] = [];
    for (const e of schemaValidate.errors ?? []) {
      const issue = fromAjv(e);
      if (issue === null || seen.has(issue.path + '\0' + issue.message)) continue;
      seen.add(issue.path + '\0' + issue.message);
      out.push(issue);
    }
    return out;
  }
  return semanticIssues(doc as Workflow);
}

/** Validate a workflow document; throws PipstreamError('PS_WORKFLOW_INVALID', msg, { errors }) with JSON-pointer paths. */
export function validateWorkflow(doc: unknown): Workflow {
  const errors = workflowIssues(doc);
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    throw new PipstreamError('PS_WORKFLOW_INVALID', `invalid workflow: ${errors[0].path || '/'}: ${errors[0].message}${more}`, { errors });
  }
  return doc as Workflow;
}

function semanticIssues(wf: Workflow): WorkflowIssue[] {
  const out: WorkflowIssue[] = [];
  const index = new Map<string, number>();
  wf.nodes.forEach((n, i) => {
    const first = index.get(n.id);
    if (first !== undefined) out.push({ path: `/nodes/${i}/id`, message: `duplicate node id '${n.id}' (first at /nodes/${first})` });
    else index.set(n.id, i);
    nodeIssues(n, `/nodes/${i}`, out);
  });
  // With ambiguous ids the graph checks below would only report consequences.
  if (index.size < wf.nodes.length) return out;

  const succ = wf.nodes.map((): number[] => []);
  const seenEdges = new Set<string>();
  wf.edges.forEach(([from, to], i) => {
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined) out.push({ path: `/edges/${i}/0`, message: `unknown node '${from}'` });
    if (b === undefined) out.push({ path: `/edges/${i}/1`, message: `unknown node '${to}'` });
    if (a === undefined || b === undefined) return;
    const ka = wf.nodes[a].kind;
    const kb = wf.nodes[b].kind;
    if (ka === 'action') out.push({ path: `/edges/${i}/0`, message: `an action ('${from}') cannot have outgoing edges` });
    else if (kb === 'trigger') out.push({ path: `/edges/${i}/1`, message: `a trigger ('${to}') cannot have incoming edges` });
    else if (seenEdges.has(`${a},${b}`)) out.push({ path: `/edges/${i}`, message: 'duplicate edge' });
    else { seenEdges.add(`${a},${b}`); succ[a].push(b); }
  });

  // Kahn's algorithm: whatever cannot be ordered lies on or behind a cycle.
  const indeg = wf.nodes.map(() => 0);
  for (const s of succ) for (const b of s) indeg[b]++;
  const queue = indeg.flatMap((d, i) => (d === 0 ? [i] : []));
  for (let q = 0; q < queue.length; q++) for (const b of succ[queue[q]]) if (--indeg[b] === 0) queue.push(b);
  if (queue.length < wf.nodes.length) {
    // Peel off what merely hangs behind a cycle (no successor left) so the edge reported lies on one.
    const left = new Set(wf.nodes.map((_, i) => i).filter((i) => indeg[i] > 0));
    for (let peeled = true; peeled;) {
      peeled = false;
      for (const i of left) if (!succ[i].some((b) => left.has(b))) { left.delete(i); peeled = true; }
    }
    const cyc = wf.edges.findIndex(([from, to]) => left.has(index.get(from) ?? -1) && left.has(index.get(to) ?? -1));
    out.push({ path: `/edges/${cyc}`, message: 'edges form a cycle' });
  }

  const reached = wf.nodes.map((n) => n.kind === 'trigger');
  const stack = reached.flatMap((r, i) => (r ? [i] : []));
  while (stack.length > 0) for (const b of succ[stack.pop()!]) if (!reached[b]) { reached[b] = true; stack.push(b); }
  wf.nodes.forEach((n, i) => {
    if (n.kind === 'action' && !reached[i]) out.push({ path: `/nodes/${i}`, message: `action '${n.id}' is not reachable from any trigger` });
  });
  return out;
}

function refIssue(ref: IndicatorRef, path: string, out: WorkflowIssue[]): void {
  const problem = checkParams(ref);
  if (problem !== null) out.push({ path: `${path}/params`, message: problem });
}

function operandIssue(op: Operand | number, path: string, out: WorkflowIssue[]): void {
  if (typeof op === 'object') refIssue(op.indicator, `${path}/indicator`, out);
}

function nodeIssues(n: WorkflowNode, path: string, out: WorkflowIssue[]): void {
  switch (n.type) {
    case 'indicator_cross': case 'volatility': refIssue(n.indicator, `${path}/indicator`, out); break;
    case 'indicator_cross_indicator':
      refIssue(n.a, `${path}/a`, out);
      refIssue(n.b, `${path}/b`, out);
      if (n.a.timeframe !== n.b.timeframe) out.push({ path: `${path}/b/timeframe`, message: `must equal a.timeframe ('${n.a.timeframe}')` });
      break;
    case 'schedule': if (n.start === n.end) out.push({ path: `${path}/end`, message: 'must differ from start' }); break;
    case 'session':
      if (n.utc_hours !== undefined && n.utc_hours[0] === n.utc_hours[1]) out.push({ path: `${path}/utc_hours`, message: 'from and to must differ' });
      break;
    case 'compare': operandIssue(n.left, `${path}/left`, out); operandIssue(n.right, `${path}/right`, out); break;
    case 'expr':
      try {
        parseCondition(n.expr);
      } catch (err) {
        if (!isPipstreamError(err, 'PS_EXPR_SYNTAX') && !isPipstreamError(err, 'PS_EXPR_TYPE')) throw err;
        out.push({ path: `${path}/expr`, message: err.message, code: err.code as 'PS_EXPR_SYNTAX' | 'PS_EXPR_TYPE', column: err.details.column as number });
      }
      break;
    default: break;
  }
}
