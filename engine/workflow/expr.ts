/**
 * The `expr` condition language: hand-written lexer, recursive-descent parser, type checker, printer.
 * Nothing here ever evaluates source text; compile.ts turns the checked AST into stack bytecode.
 */
import { PipstreamError } from '../errors/mod.ts';
import { EXPR_INDICATOR_FUNCS, checkParams, timeframeMs } from './indicators.ts';
import type { IndicatorRef } from './types.ts';

export const EXPR_VARIABLES = ['bid', 'ask', 'mid', 'spread_pips', 'hour', 'minute', 'weekday', 'position'] as const;
export type ExprVariable = (typeof EXPR_VARIABLES)[number];
export const EXPR_MATH_FUNCS = { abs: 1, min: 2, max: 2 } as const;
export type BinaryOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/** `col` is the 1-based column of the node's first (or operator) character. */
export type Expr =
  | { t: 'num'; value: number; col: number }
  | { t: 'str'; value: string; col: number }
  | { t: 'var'; name: ExprVariable; col: number }
  | { t: 'call'; name: string; args: Expr[]; col: number }
  | { t: 'unary'; op: '-' | '!'; arg: Expr; col: number }
  | { t: 'binary'; op: BinaryOp; left: Expr; right: Expr; col: number };

export type ExprType = 'number' | 'bool';

const MAX_DEPTH = 64;
const PREC: Readonly<Record<BinaryOp, number>> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6,
};

interface Token { k: 'num' | 'ident' | 'str' | 'op' | 'eof'; text: string; value: number; col: number }

function syntax(message: string, col: number): never {
  throw new PipstreamError('PS_EXPR_SYNTAX', `${message} at column ${col}`, { column: col });
}
function typeError(message: string, col: number): never {
  throw new PipstreamError('PS_EXPR_TYPE', `${message} at column ${col}`, { column: col });
}

const NUMBER = /^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPS = ['<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '<', '>', '!', '(', ')', ','];

function lex(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    const rest = src.slice(i);
    const col = i + 1;
    let m = NUMBER.exec(rest);
    if (m !== null) {
      if (IDENT.test(rest.slice(m[0].length))) syntax(`malformed number '${m[0]}${rest[m[0].length]}'`, col);
      out.push({ k: 'num', text: m[0], value: Number(m[0]), col }); i += m[0].length; continue;
    }
    m = IDENT.exec(rest);
    if (m !== null) { out.push({ k: 'ident', text: m[0], value: 0, col }); i += m[0].length; continue; }
    if (c === '"') {
      const end = src.indexOf('"', i + 1);
      if (end < 0) syntax('unterminated string', col);
      out.push({ k: 'str', text: src.slice(i + 1, end), value: 0, col }); i = end + 1; continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (op === undefined) syntax(`unexpected character '${c}'`, col);
    out.push({ k: 'op', text: op, value: 0, col }); i += op.length;
  }
  out.push({ k: 'eof', text: '', value: 0, col: src.length + 1 });
  return out;
}

const LEVELS: readonly (readonly BinaryOp[])[] = [['||'], ['&&'], ['==', '!='], ['<', '<=', '>', '>='], ['+', '-'], ['*', '/']];

/** Parse source text into an AST; throws PS_EXPR_SYNTAX with `details.column`. */
export function parseExpr(src: string): Expr {
  const toks = lex(src);
  let pos = 0;
  let depth = 0;
  const peek = (): Token => toks[pos];
  const isOp = (text: string): boolean => toks[pos].k === 'op' && toks[pos].text === text;
  const expect = (text: string): void => {
    if (!isOp(text)) syntax(`expected '${text}' but found ${describe(peek())}`, peek().col);
    pos++;
  };

  function binary(level: number): Expr {
    if (level === LEVELS.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const tok = peek();
      const op = tok.k === 'op' ? LEVELS[level].find((o) => o === tok.text) : undefined;
      if (op === undefined) return left;
      pos++;
      left = { t: 'binary', op, left, right: binary(level + 1), col: tok.col };
    }
  }
  function unary(): Expr {
    const tok = peek();
    if (tok.k === 'op' && (tok.text === '-' || tok.text === '!')) {
      if (++depth > MAX_DEPTH) syntax('expression nested too deeply', tok.col);
      pos++;
      const arg = unary();
      depth--;
      return { t: 'unary', op: tok.text, arg, col: tok.col };
    }
    return primary();
  }
  function primary(): Expr {
    const tok = peek();
    if (tok.k === 'num') { pos++; return { t: 'num', value: tok.value, col: tok.col }; }
    if (tok.k === 'str') { pos++; return { t: 'str', value: tok.text, col: tok.col }; }
    if (tok.k === 'op' && tok.text === '(') {
      if (++depth > MAX_DEPTH) syntax('expression nested too deeply', tok.col);
      pos++;
      const e = binary(0);
      expect(')');
      depth--;
      return e;
    }
    if (tok.k === 'ident') {
      pos++;
      if (isOp('(')) {
        if (!(tok.text in EXPR_MATH_FUNCS) && !(tok.text in EXPR_INDICATOR_FUNCS)) syntax(`unknown function '${tok.text}'`, tok.col);
        if (++depth > MAX_DEPTH) syntax('expression nested too deeply', tok.col);
        pos++;
        const args: Expr[] = [];
        if (!isOp(')')) {
          args.push(binary(0));
          while (isOp(',')) { pos++; args.push(binary(0)); }
        }
        expect(')');
        depth--;
        return { t: 'call', name: tok.text, args, col: tok.col };
      }
      if (!(EXPR_VARIABLES as readonly string[]).includes(tok.text)) syntax(`unknown name '${tok.text}'`, tok.col);
      return { t: 'var', name: tok.text as ExprVariable, col: tok.col };
    }
    syntax(`unexpected ${describe(tok)}`, tok.col);
  }

  const e = binary(0);
  if (peek().k !== 'eof') syntax(`unexpected ${describe(peek())}`, peek().col);
  return e;
}

function describe(tok: Token): string {
  if (tok.k === 'eof') return 'end of expression';
  if (tok.k === 'str') return `string "${tok.text}"`;
  return `'${tok.text}'`;
}

/** Indicator reference named by an indicator call (only valid after typeCheck accepted it). */
export function callToRef(e: Expr & { t: 'call' }): IndicatorRef {
  const f = EXPR_INDICATOR_FUNCS[e.name];
  const params = e.args.slice(0, f.nParams).map((a) => (a as { value: number }).value);
  const timeframe = (e.args[f.nParams] as { value: string }).value;
  return f.output === undefined ? { name: f.name, params, timeframe } : { name: f.name, params, timeframe, output: f.output };
}

/** Type of an expression; throws PS_EXPR_TYPE with `details.column`. */
export function typeOf(e: Expr): ExprType {
  switch (e.t) {
    case 'num': case 'var': return 'number';
    case 'str': return typeError('a string is only allowed as the timeframe argument of an indicator', e.col);
    case 'unary': {
      const want: ExprType = e.op === '-' ? 'number' : 'bool';
      if (typeOf(e.arg) !== want) typeError(`'${e.op}' needs a ${want} operand`, e.col);
      return want;
    }
    case 'binary': {
      const l = typeOf(e.left);
      const r = typeOf(e.right);
      switch (e.op) {
        case '&&': case '||':
          if (l !== 'bool' || r !== 'bool') typeError(`'${e.op}' needs boolean operands`, e.col);
          return 'bool';
        case '==': case '!=':
          if (l !== r) typeError(`'${e.op}' compares a ${l} with a ${r}`, e.col);
          return 'bool';
        default:
          if (l !== 'number' || r !== 'number') typeError(`'${e.op}' needs number operands`, e.col);
          return PREC[e.op] === 4 ? 'bool' : 'number';
      }
    }
    case 'call': return callType(e);
  }
}

function callType(e: Expr & { t: 'call' }): ExprType {
  const arity = EXPR_MATH_FUNCS[e.name as keyof typeof EXPR_MATH_FUNCS];
  if (arity !== undefined) {
    if (e.args.length !== arity) typeError(`${e.name}() takes ${arity} argument${arity > 1 ? 's' : ''}`, e.col);
    for (const a of e.args) if (typeOf(a) !== 'number') typeError(`${e.name}() needs number arguments`, exprStart(a));
    return 'number';
  }
  const f = EXPR_INDICATOR_FUNCS[e.name];
  const usage = `${e.name}(${[...Array(f.nParams).keys()].map((i) => `p${i + 1}`).join(', ')}, "timeframe")`;
  if (e.args.length !== f.nParams + 1) typeError(`${e.name} takes ${f.nParams + 1} arguments: ${usage}`, e.col);
  for (let i = 0; i < f.nParams; i++) {
    const a = e.args[i];
    const isK = f.name === 'bbands' && i === 1;
    if (a.t !== 'num') typeError(`indicator parameters must be number literals: ${usage}`, a.col);
    if (isK ? !(a.value > 0 && a.value <= 100) : !(Number.isInteger(a.value) && a.value >= 1 && a.value <= 100000)) {
      typeError(isK ? 'bbands multiplier must be in (0, 100]' : 'indicator period must be an integer in 1..100000', a.col);
    }
  }
  const tf = e.args[f.nParams];
  if (tf.t !== 'str') typeError(`the last argument must be a timeframe string like "1m": ${usage}`, tf.col);
  if (Number.isNaN(timeframeMs(tf.value))) typeError(`bad timeframe "${tf.value}" (use e.g. "30s", "1m", "1h", "1d")`, tf.col);
  const problem = checkParams(callToRef(e));
  if (problem !== null) typeError(problem, e.col);
  return 'number';
}

/** Parse and check that the expression is boolean (what an `expr` condition needs). */
export function parseCondition(src: string): Expr {
  const e = parseExpr(src);
  if (typeOf(e) !== 'bool') typeError('a condition must be a boolean expression (e.g. rsi(14, "1m") < 30)', exprStart(e));
  return e;
}

function exprStart(e: Expr): number {
  return e.t === 'binary' ? exprStart(e.left) : e.col;
}

/** Print with the fewest parentheses that parse back to the same tree. */
export function printExpr(e: Expr): string {
  switch (e.t) {
    case 'num': return String(e.value);
    case 'str': return `"${e.value}"`;
    case 'var': return e.name;
    case 'call': return `${e.name}(${e.args.map(printExpr).join(', ')})`;
    case 'unary': {
      const inner = printExpr(e.arg);
      return e.op + (e.arg.t === 'binary' ? `(${inner})` : inner);
    }
    case 'binary': {
      const p = PREC[e.op];
      const l = printExpr(e.left);
      const r = printExpr(e.right);
      const lp = e.left.t === 'binary' && PREC[e.left.op] < p;
      const rp = e.right.t === 'binary' && PREC[e.right.op] <= p;
      return `${lp ? `(${l})` : l} ${e.op} ${rp ? `(${r})` : r}`;
    }
  }
}
