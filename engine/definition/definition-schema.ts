import { z } from 'zod';

/** zh-CN and English text of a title or message. */
export const localizedTextSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) }).strict();

/** A state, event, field or action name: camelCase, and never one every object already has (`constructor`, `toString`, …), which would read as one that is not there. */
export const name = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, 'camelCase name')
  .refine((value) => !(value in Object.prototype), 'not a name every object already has (constructor, toString, …)');
const kebabId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case id');

/**
 * A business rule on a transition: a CEL expression over `data`, `form`, `facts`,
 * `parameters` and `now`, or the name of a guard the plugin implements in TypeScript.
 */
export const ruleSchema = z
  .object({
    id: kebabId,
    cel: z.string().min(1).optional(),
    guard: name.optional(),
    message: localizedTextSchema,
    /** Where the rule comes from (a law, regulation or notice and its article), shown to configurators. */
    basis: z.string().min(1).optional(),
  })
  .strict()
  .refine((rule) => (rule.cel === undefined) !== (rule.guard === undefined), {
    message: 'a rule has exactly one of `cel` or `guard`',
  });

/** An action bound by name: a built-in effect or one the plugin implements. */
export const actionSchema = z
  .object({ type: name, params: z.record(z.string(), z.unknown()).optional() })
  .strict();

/**
 * A proof a step needs attached (材料), e.g. 身份证明: its code, unique within the step, its title,
 * and whether the step is refused without it. The files themselves are the runtime's attachments.
 */
export const materialSchema = z.object({ code: kebabId, title: localizedTextSchema, required: z.boolean().default(false) }).strict();

/** One event a state accepts, who may send it, what it carries and checks, and where it leads. */
export const transitionSchema = z
  .object({
    target: name,
    title: localizedTextSchema,
    roles: z.array(name).min(1),
    form: name.optional(),
    rules: z.array(ruleSchema).default([]),
    /** Maker-checker: the sender must differ from whoever last sent these events. */
    separateFrom: z.array(name).default([]),
    actions: z.array(actionSchema).default([]),
    /** Case data counters this transition adds one to, e.g. months paid. */
    count: z.array(name).default([]),
    /** The proofs to attach when sending it; absent (not an empty list) where a step needs none, so older definitions keep their hash. */
    materials: z.array(materialSchema).min(1).optional(),
  })
  .strict();

/** A human task opened while a case waits in a state. Missing parts are verification findings. */
export const taskSchema = z
  .object({
    role: name.optional(),
    post: kebabId.optional(),
    slaWorkingDays: z.number().int().min(1).max(250).optional(),
    /** The post an overdue task is escalated to; the office's `supervisor` when not named. */
    escalateTo: kebabId.optional(),
  })
  .strict();

/**
 * When a timer fires, as data: a number of working days after entering the state (a number
 * or the id of a parameter), the end of the date held in a case data field, monthly on
 * the first day of each month (the first firing at once, unless the month is already paid), or
 * at the end of the China day a number of calendar months (a number or a parameter's id) after
 * the day the state was entered (six months without contact).
 */
export const timerAtSchema = z.union([
  z.object({ workingDays: z.union([z.number().int().min(1).max(250), name]) }).strict(),
  z.object({ endOfDate: name }).strict(),
  z.object({ monthly: z.literal(true) }).strict(),
  z.object({ months: z.union([z.number().int().min(1).max(120), name]) }).strict(),
]);

/**
 * A timer armed while a case is in a state: at the time it fires, the system sends `event`
 * carrying `data` (e.g. the cancellation reason); when that event's rules refuse it,
 * `otherwise` is sent instead (e.g. pay, otherwise exhausted).
 */
export const timerSchema = z
  .object({ event: name, at: timerAtSchema, otherwise: name.optional(), data: z.record(name, z.union([z.string(), z.number(), z.boolean()])).optional() })
  .strict();

/**
 * A public notice (公示) a case is under while it waits in a state: what the public site calls it
 * (一次性创业补贴拟发放名单), the timer event that ends the period (its `workingDays` time is the
 * period's end), the event a member of the public's objection sends as the system (carrying the
 * reason as form field `objection`), and the case data fields shown beside the masked name: an
 * amount in fen, a post, the employer's name (a unit's, public). Absent where a state has none, so
 * older definitions keep their hash.
 */
export const publicNoticeSchema = z
  .object({ title: localizedTextSchema, endsWith: name, objection: name, amountField: name.optional(), postField: name.optional(), employerField: name.optional() })
  .strict();

export const stateSchema = z
  .object({
    title: localizedTextSchema,
    type: z.enum(['active', 'final']).default('active'),
    /** How a case that ends here ended, for statistics. */
    outcome: z.enum(['completed', 'rejected', 'cancelled']).optional(),
    task: taskSchema.optional(),
    timers: z.array(timerSchema).default([]),
    publicNotice: publicNoticeSchema.optional(),
    on: z.record(name, transitionSchema).default({}),
  })
  .strict();

/** A form: JSON Schema for the data, optional rjsf UI schema. */
export const formSchema = z
  .object({
    title: localizedTextSchema,
    schema: z.record(z.string(), z.unknown()),
    ui: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/**
 * A fact asked of another agency over the exchange. When the agency does not answer, `refuse`
 * refuses the step (retryable) and `caseworkerValue` takes the value in form or case field `field`,
 * marked `caseworkerEntered: true`. With `askWhen`, the agency is asked (and the person's data
 * sent) only when form or case field `askWhen.field` holds one of `askWhen.in`; else the fact is null.
 */
const exchangeShape = {
  onUnavailable: z.enum(['refuse', 'caseworkerValue']),
  field: name.optional(),
  askWhen: z.object({ field: name, in: z.array(z.string()).min(1) }).strict().optional(),
};
const namesCaseworkerField: [(source: { onUnavailable: string; field?: string | undefined }) => boolean, { message: string; path: string[] }] = [
  (source) => source.onUnavailable === 'refuse' || source.field !== undefined,
  { message: 'caseworkerValue names the field the caseworker types', path: ['field'] },
];

/**
 * Where a fact the rules read comes from: one of the runtime's generic providers, looked up
 * before the pure step and kept on its performance record.
 * - `person`: the case's person subject (birth date, gender, statuses, counters);
 * - `personNationwide`: the person's statuses in every city holding the same ID number;
 * - `employerByCreditCode`: the employer whose credit code is in form or case field `field`: registered, name,
 *   establishedOn, legalRepresentativeIsSubject, otherBusinessesOfRepresentative (established before it, nationwide);
 * - `institution`: the institution of `kind` (training, skill-assessment, employment-agency, incubator) whose credit code is
 *   in form or case field `field`, in the case's city: registered, name, status, validFrom, validUntil, occupations in scope;
 * - `caseByNumber`: the case of `process` whose number is in `field`: found, state, and `fields` of its data;
 * - `activeCaseOfSubject`: the latest active case of `process` for the same subject: found, case number, state, the China day it entered that state (`enteredOn`), and `fields` of its data.
 * - `personLedgerItems`: the ledger items paid to the case's person nationwide whose item starts with `itemPrefix`;
 * - `personCases`: the person's other cases of `process` nationwide: state, and `fields` of their data.
 * The next four are asked of another agency over the exchange (`exchangeShape`), each with asOf (the agency's time),
 * source (member, message id) and caseworkerEntered:
 * - `socialInsurance`: the person's found, contributionMonths, contributionsPaidFen (a caseworker types contributionMonths);
 * - `marketRegulation`: the employer whose credit code is in `creditCodeField`: found, name, legalRepresentative, status
 *   (existing, operating, revoked, deregistered), establishedOn (a caseworker types status);
 * - `minimumLiving`: the person's found, receiving (低保), since (a caseworker types receiving);
 * - `disabilityCertificate`: the person's found, holds (a valid 残疾人证), category, grade, validUntil (a caseworker types holds).
 */
export const factSourceSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('person') }).strict(),
  z.object({ provider: z.literal('personNationwide') }).strict(),
  z.object({ provider: z.literal('employerByCreditCode'), field: name }).strict(),
  z.object({ provider: z.literal('institution'), field: name, kind: z.enum(['training', 'skill-assessment', 'employment-agency', 'incubator']) }).strict(),
  z.object({ provider: z.literal('caseByNumber'), field: name, process: kebabId, fields: z.array(name).default([]) }).strict(),
  z.object({ provider: z.literal('activeCaseOfSubject'), process: kebabId, fields: z.array(name).default([]) }).strict(),
  z.object({ provider: z.literal('personLedgerItems'), itemPrefix: z.string().min(1) }).strict(),
  z.object({ provider: z.literal('personCases'), process: kebabId, fields: z.array(name).default([]) }).strict(),
  z.object({ provider: z.literal('socialInsurance'), ...exchangeShape }).strict().refine(...namesCaseworkerField),
  z.object({ provider: z.literal('marketRegulation'), creditCodeField: name, ...exchangeShape }).strict().refine(...namesCaseworkerField),
  z.object({ provider: z.literal('minimumLiving'), ...exchangeShape }).strict().refine(...namesCaseworkerField),
  z.object({ provider: z.literal('disabilityCertificate'), ...exchangeShape }).strict().refine(...namesCaseworkerField),
]);

/** A business process definition: plain data, compiled to an XState machine by the engine. */
export const definitionSchema = z
  .object({
    id: kebabId,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semver'),
    title: localizedTextSchema,
    subject: z.enum(['person', 'employer']),
    /** At most one active case of this process per subject (a registration); false for postings or referrals. */
    oneActivePerSubject: z.boolean().default(true),
    initial: name,
    states: z.record(name, stateSchema),
    forms: z.record(name, formSchema).default({}),
    /** The facts its rules read (`facts.<name>` in CEL), each from a provider. */
    facts: z.record(name, factSourceSchema).default({}),
  })
  .strict();

export type Definition = z.output<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
export type StateDefinition = z.output<typeof stateSchema>;
export type TransitionDefinition = z.output<typeof transitionSchema>;
export type RuleDefinition = z.output<typeof ruleSchema>;
export type ActionDefinition = z.output<typeof actionSchema>;
export type TimerDefinition = z.output<typeof timerSchema>;
export type FormDefinition = z.output<typeof formSchema>;
export type FactSource = z.output<typeof factSourceSchema>;
export type MaterialDefinition = z.output<typeof materialSchema>;
export type PublicNoticeDefinition = z.output<typeof publicNoticeSchema>;
