import { z } from 'zod';
import { PlatformError } from '../errors/index.ts';
import type { Fund } from './action-types.ts';

const funds = ['employment-subsidy', 'unemployment-insurance'] as const satisfies readonly Fund[];
const text = z.string().min(1);

/**
 * Who is paid: the case's person by default (to the account on their record, or to the one named by
 * `accountField` and `bankField` of the case data); otherwise an
 * employer, institution, bank or another person (a survivor) named by case data fields.
 */
const payeeParams = z.union([
  // The case's person, to the account on their record, or to the one this case collected (a benefit claim's).
  z.strictObject({ kind: z.literal('subject'), accountField: text.optional(), bankField: text.optional() }),
  z.strictObject({
    kind: z.enum(['person', 'employer', 'institution', 'bank']),
    codeField: text,
    nameField: text,
    accountField: text,
    bankField: text,
  }),
]);

/**
 * The params each built-in action takes. A key not listed is refused rather than ignored: an
 * `emit` whose `fields` is misspelt would otherwise publish the whole case data.
 */
const paramSchemas = {
  emit: z.strictObject({ event: text, fields: z.array(text).optional() }),
  setSubject: z.strictObject({ field: text, value: z.union([z.string(), z.number(), z.boolean(), z.null()]) }),
  countOnSubject: z.strictObject({ field: text }),
  issueCertificate: z.strictObject({ certificate: text }),
  payItem: z
    .strictObject({
      subsidyType: text,
      fund: z.enum(funds),
      amountField: text.optional(),
      amountParameter: text.optional(),
      periodField: text.optional(),
      period: text.optional(),
      item: text.optional(),
      itemFields: z.array(text).optional(),
      payee: payeeParams.optional(),
      preparedBy: text.optional(),
      approvedBy: text.optional(),
    })
    .refine((p) => (p.amountField === undefined) !== (p.amountParameter === undefined), {
      path: ['amountField'],
      message: 'exactly one of amountField or amountParameter',
    })
    // A fixed period ("once") keys an item paid once in a lifetime; a field, one paid per month or year.
    .refine((p) => (p.periodField === undefined) !== (p.period === undefined), {
      path: ['periodField'],
      message: 'exactly one of periodField or period',
    }),
};

/** The name of an action the engine implements itself. */
export type BuiltInActionName = keyof typeof paramSchemas;

/** The checked params of a built-in action. */
export type BuiltInParams<A extends BuiltInActionName> = z.output<(typeof paramSchemas)[A]>;

/** What is wrong with a built-in action's params: which param, and why. */
export interface ParamProblem {
  param: string;
  reason: string;
}

/** True when `name` is a built-in action, whose params the engine can check. */
export function isBuiltInAction(name: string): name is BuiltInActionName {
  return Object.hasOwn(paramSchemas, name);
}

function problemOf(error: z.ZodError): ParamProblem {
  const issue = error.issues[0]!;
  // A key not listed is reported on the params as a whole: name the key itself.
  const param = issue.code === 'unrecognized_keys' ? issue.keys[0]! : String(issue.path[0] ?? '');
  return { param, reason: issue.message };
}

/** The first problem with a built-in action's params, or undefined when they are sound; `verify` reports it. */
export function paramProblem(action: BuiltInActionName, params: unknown): ParamProblem | undefined {
  const result = paramSchemas[action].safeParse(params ?? {});
  return result.success ? undefined : problemOf(result.error);
}

/** A built-in action that cannot do its work: the definition (or data its forms let through) is at fault, not the request. */
export function actionFault(action: BuiltInActionName, param: string, reason: string, more: Record<string, unknown> = {}): PlatformError {
  return new PlatformError('DEFINITION_INVALID', { details: { action, param, reason, ...more } });
}

/** A built-in action's params, checked at run time: the last line behind `verify`, which refuses such a definition at load. */
export function builtInParams<A extends BuiltInActionName>(action: A, params: unknown): BuiltInParams<A> {
  const result = paramSchemas[action].safeParse(params ?? {});
  if (result.success) return result.data as BuiltInParams<A>;
  const problem = problemOf(result.error);
  throw actionFault(action, problem.param, problem.reason);
}
