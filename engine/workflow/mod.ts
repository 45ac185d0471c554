/**
 * Workflows: the published JSON Schema + validation, the `expr` language, the compiler that turns the
 * workflows of one instrument into one flat program, and the allocation-free runtime the actor runs it with.
 */
export type * from './types.ts';
export { MAX_CONFIRMATION_EXPIRY_S } from './types.ts';
export { validateWorkflow, workflowIssues, workflowSchema, WORKFLOW_SCHEMA_URL } from './validate.ts';
export { parseExpr, parseCondition, typeOf, printExpr, EXPR_VARIABLES, EXPR_MATH_FUNCS } from './expr.ts';
export type { Expr, ExprType, BinaryOp, ExprVariable } from './expr.ts';
export { compileProgram } from './compile.ts';
export type { CompiledProgram, CompileOptions, ProgramMeta, ActionMeta, TriggerMeta, IndicatorRequirement } from './compile.ts';
export { ProgramRuntime, ruleStateLength, initRuleState } from './runtime.ts';
export type { EvalContext } from './runtime.ts';
export { INDICATOR_KINDS, INDICATOR_KIND_CODE, INDICATOR_OUTPUTS, timeframeMs } from './indicators.ts';
export type { IndicatorKind } from './indicators.ts';
export { SESSIONS } from './sessions.ts';
export * as LAYOUT from './layout.ts';
export { SIGNAL_MODE } from './layout.ts';
