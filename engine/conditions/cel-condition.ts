import type { ASTNode, ParseResult } from '@marcbachmann/cel-js';
import type { WorkingCalendar } from '../calendar/index.ts';
import { celEnvironment, celFunctionNames } from './cel-library.ts';

/** What a condition can see: case data so far, the submitted form, looked-up facts, city parameters, the time and the calendar. */
export interface ConditionScope {
  data: Readonly<Record<string, unknown>>;
  form: Readonly<Record<string, unknown>>;
  facts: Readonly<Record<string, unknown>>;
  parameters: Readonly<Record<string, unknown>>;
  /** ISO instant of the step. */
  now: string;
  /** The working-day calendar of the step, which `workingDaysBetween` and `addWorkingDays` count with. */
  calendar: WorkingCalendar;
}

const compiled = new Map<string, ParseResult>();

function compileCel(expression: string): ParseResult {
  let program = compiled.get(expression);
  if (!program) {
    program = celEnvironment.parse(expression);
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

/** Why a CEL condition can never run: it does not parse or type-check, or it calls a function the platform does not have. */
export type CelProblem = { kind: 'invalid'; message: string } | { kind: 'unknown-function'; name: string };

/** The names of the functions and macros an expression calls, receiver methods (`s.startsWith(…)`) included. */
function calledNames(node: ASTNode, names: Set<string> = new Set()): Set<string> {
  if (node.op === 'call' || node.op === 'rcall') names.add(node.args[0]);
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null && 'op' in value) calledNames(value as ASTNode, names);
  };
  visit(node.args);
  return names;
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/**
 * What is wrong with a CEL condition before it ever runs, or an empty list: a parse error, each
 * function it calls that is neither CEL's nor the platform library's (a typo, or a function of
 * a later runtime), or else a type error CEL finds without data (`ageOn(1, 2)`).
 */
export function celProblems(expression: string): CelProblem[] {
  let program: ParseResult;
  try {
    program = compileCel(expression);
  } catch (error) {
    return [{ kind: 'invalid', message: firstLine(error) }];
  }
  const unknown = [...calledNames(program.ast)].filter((name) => !celFunctionNames.has(name));
  if (unknown.length > 0) return unknown.map((name) => ({ kind: 'unknown-function', name }));
  const checked = program.check();
  return checked.valid ? [] : [{ kind: 'invalid', message: firstLine(checked.error) }];
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
