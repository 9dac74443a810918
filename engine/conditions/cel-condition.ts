import { parse, type ParseResult } from '@marcbachmann/cel-js';

/** What a condition can see: case data so far, the submitted form, looked-up facts, city parameters, the time. */
export interface ConditionScope {
  data: Readonly<Record<string, unknown>>;
  form: Readonly<Record<string, unknown>>;
  facts: Readonly<Record<string, unknown>>;
  parameters: Readonly<Record<string, unknown>>;
  /** ISO instant of the step. */
  now: string;
}

const compiled = new Map<string, ParseResult>();

function compileCel(expression: string): ParseResult {
  let program = compiled.get(expression);
  if (!program) {
    program = parse(expression);
    compiled.set(expression, program);
  }
  return program;
}

/**
 * The facts a CEL condition reads by name (`facts.employer.registered` reads `employer`), or
 * `'all'` when it reads `facts` as a whole (`size(facts)`), which may be any of them.
 */
export function factsNamedIn(expression: string): string[] | 'all' {
  if (/\bfacts\b(?!\s*\.\s*[a-zA-Z])/.test(expression)) return 'all';
  return [...new Set([...expression.matchAll(/\bfacts\s*\.\s*([a-zA-Z]\w*)/g)].map((m) => m[1]!))];
}

/** The parse error of a CEL expression, or undefined when it parses. */
export function celSyntaxError(expression: string): string | undefined {
  try {
    compileCel(expression);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Evaluates a CEL condition. CEL is not Turing complete and cannot reach anything outside
 * the scope, so configurators' conditions are safe to run. A condition holds only when it
 * yields `true`; an evaluation error (a missing key, say) counts as not holding.
 */
export function evaluateCel(expression: string, scope: ConditionScope): boolean {
  return celHolds(expression, { ...scope });
}

/** Whether a CEL condition over any named variables yields `true`; errors count as not holding. */
export function celHolds(expression: string, variables: Readonly<Record<string, unknown>>): boolean {
  try {
    return compileCel(expression)({ ...variables }) === true;
  } catch {
    return false;
  }
}
