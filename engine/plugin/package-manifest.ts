import { z } from 'zod';
import { localizedTextSchema } from '../definition/definition-schema.ts';
import { PlatformError, type LocalizedText } from '../errors/index.ts';
import { legacyImportMeanings, meaningNames, type IndicatorSpec, type LegacyImport, type Lock, type DocumentDeclaration, type ExchangeEventSubscription, type Meaning, type ParameterSpec, type StatusDeclaration, type Subscription } from './plugin-manifest.ts';

const kebabId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'kebab-case id');
const camelName = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'camelCase name');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date YYYY-MM-DD');

const effective = <T extends z.ZodType>(value: T) => z.array(z.object({ from: date, value }).strict());

/** A numeric parameter of a package as the wire describes it (the manifest adds its bound checks). */
export const numberParameterSchema = z
  .object({
    id: camelName,
    title: localizedTextSchema,
    unit: z.enum(['fen', 'days', 'workingDays', 'months', 'years', 'count', 'percent', 'basisPoints']),
    default: z.number(),
    min: z.number(),
    max: z.number(),
    changes: effective(z.number()).optional(),
    legalBasis: z.string().min(1).optional(),
  })
  .strict();

/** A code-list parameter of a package as the wire describes it (the manifest adds its catalogue check). */
export const listParameterSchema = z
  .object({
    id: camelName,
    title: localizedTextSchema,
    unit: z.literal('codes'),
    default: z.array(z.string()),
    options: z.array(z.object({ code: z.string().min(1), title: localizedTextSchema }).strict()).min(1),
    changes: effective(z.array(z.string())).optional(),
    legalBasis: z.string().min(1).optional(),
  })
  .strict();

const numberParameter = numberParameterSchema.refine((p) => p.min <= p.default && p.default <= p.max && (p.changes ?? []).every((c) => p.min <= c.value && c.value <= p.max), {
  message: 'default and changes within [min, max]',
});

const listParameter = listParameterSchema.refine((p) => [p.default, ...(p.changes ?? []).map((c) => c.value)].every((codes) => codes.every((code) => p.options.some((o) => o.code === code))), {
  message: 'default and changes name only listed options',
});

const lock = z.object({ process: kebabId, element: z.string().min(1), reason: localizedTextSchema }).strict();

const recordSelector = z
  .object({
    process: kebabId,
    event: camelName.optional(),
    from: camelName.optional(),
    to: camelName.optional(),
    onTime: z.boolean().optional(),
    withDeadline: z.boolean().optional(),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    withinDaysOfOpening: z.number().int().positive().optional(),
  })
  .strict();

const indicator = z
  .object({ id: kebabId, title: localizedTextSchema, numerator: recordSelector, denominator: recordSelector, factor: z.number().positive(), note: z.string().optional() })
  .strict();

const subscriptionBase = z.object({
  event: z.string().regex(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/, 'domain event name, e.g. employment.registered'),
  process: kebabId,
  when: z.string().min(1).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  fromPayload: z.record(z.string(), z.string()).optional(),
  note: z.string().optional(),
});
/** Either `send` an event to the subject's active cases of `process`, or `start` one. */
const subscription = z.union([subscriptionBase.extend({ send: camelName }).strict(), subscriptionBase.extend({ start: z.literal(true) }).strict()]);

/** As a subscription, keyed by an exchange service instead of a domain event, and naming which active case it is about. */
const exchangeEventBase = subscriptionBase.omit({ event: true, when: true }).extend({
  service: z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/, 'exchange service name, e.g. social-insurance.enrolment'),
  sameCase: z.record(z.string(), z.string()).optional(),
});
/** On another agency's event message, either `send` an event to the person's active case of `process`, or `start` one. */
const exchangeEvent = z.union([exchangeEventBase.extend({ send: camelName }).strict(), exchangeEventBase.extend({ start: z.literal(true) }).strict()]);

const meaning = z.object({ process: kebabId, state: camelName.optional(), event: camelName.optional(), form: camelName.optional() }).strict();

/** One city at a time per ID number: the rule a refusal names and its message (`StatusDeclaration.nationwide`). */
const nationwide = z.object({ rule: kebabId, message: localizedTextSchema }).strict();

const status = z
  .object({ title: localizedTextSchema, values: z.array(camelName).min(2), nationwide: nationwide.optional(), registryFlags: z.record(camelName, camelName).optional() })
  .strict()
  .refine((s) => Object.values(s.registryFlags ?? {}).every((value) => s.values.includes(value)), { path: ['registryFlags'], message: 'a registry flag names one of the status values' });

const legacyState = z
  .object({
    statuses: z.record(camelName, camelName).optional(),
    ended: z.object({ dateField: camelName, reasonField: camelName, reasons: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)).min(1) }).strict().optional(),
  })
  .strict();
const legacyColumn = z
  .object({ field: camelName, title: localizedTextSchema, required: z.boolean(), codeTable: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(), notBelow: camelName.optional(), notPast: z.boolean().optional() })
  .strict();
const legacyImport = z
  .object({
    title: localizedTextSchema,
    dateField: camelName,
    states: z.record(camelName, legacyState),
    subject: z.object({ type: z.enum(['person', 'employer']), field: camelName.optional() }).strict().optional(),
    columns: z.array(legacyColumn).optional(),
    keyFields: z.array(camelName).optional(),
  })
  .strict();

/** Where a document's field or placeholder takes its value (see `DocumentDeclaration`). */
const documentSource = z.string().regex(/^(caseNo|processTitle|subjectName|subjectIdentifier|openedAt|dueAt|issuedAt|office|certificateNo|data\.[a-z][a-zA-Z0-9]*)$/, 'a document source: caseNo, processTitle, subjectName, subjectIdentifier, openedAt, dueAt, issuedAt, office, certificateNo or data.<field>');
const documentDeclaration = z
  .object({
    id: kebabId,
    process: kebabId,
    title: localizedTextSchema,
    after: camelName,
    fields: z.array(z.object({ title: localizedTextSchema, value: documentSource }).strict()).min(1),
    paragraphs: z.array(localizedTextSchema).default([]),
  })
  .strict();

/**
 * `plugin.json`: a ministry process package as data. It names its process definitions (the
 * `*.flow.json` files beside it) and declares what the platform needs to know of them.
 */
export const packageManifestSchema = z
  .object({
    $schema: z.string().optional(),
    id: kebabId,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semver'),
    title: localizedTextSchema,
    /** The version of the runtime's extension catalogue (named guards and actions) the package was written for. */
    extensions: z.number().int().positive().default(1),
    processes: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.flow\.json$/, 'a file name ending .flow.json')).min(1),
    parameters: z.array(z.union([numberParameter, listParameter])).default([]),
    locks: z.array(lock).default([]),
    indicators: z.array(indicator).default([]),
    subscriptions: z.array(subscription).default([]),
    exchangeEvents: z.array(exchangeEvent).default([]),
    meanings: z.partialRecord(z.enum(meaningNames), meaning).default({}),
    statuses: z.record(camelName, status).default({}),
    legacyImports: z.partialRecord(z.enum(legacyImportMeanings), legacyImport).default({}),
    /** Shared code tables the package's forms draw on (industry, occupation, education, divisions). */
    codeTables: z.array(z.enum(['industry', 'occupation', 'education', 'divisions'])).default([]),
    /** The documents its processes issue from a case (受理回执, certificates, decision notices), with their text. */
    documents: z.array(documentDeclaration).default([]),
  })
  .strict();

export type PackageManifest = z.output<typeof packageManifestSchema>;

// The file's shapes are the engine's: a change to one that the other does not follow fails to compile.
type Assignable<T, U extends T> = U;
export type ManifestShapesAgree = [
  Assignable<readonly ParameterSpec[], PackageManifest['parameters']>,
  Assignable<readonly Lock[], PackageManifest['locks']>,
  Assignable<readonly IndicatorSpec[], PackageManifest['indicators']>,
  Assignable<readonly Subscription[], PackageManifest['subscriptions']>,
  Assignable<readonly ExchangeEventSubscription[], PackageManifest['exchangeEvents']>,
  Assignable<Meaning, z.output<typeof meaning>>,
  Assignable<StatusDeclaration, z.output<typeof status>>,
  Assignable<LegacyImport, z.output<typeof legacyImport>>,
  Assignable<DocumentDeclaration, z.output<typeof documentDeclaration>>,
];

/** One problem with a manifest: where, and what, in zh-CN and English. */
export interface ManifestFinding {
  path: string;
  message: LocalizedText;
}

const zhByCode: Record<string, string> = {
  invalid_type: '类型不正确',
  invalid_format: '格式不正确',
  invalid_value: '取值不在允许范围内',
  unrecognized_keys: '含有未定义的项',
  too_small: '数量或数值过小',
  too_big: '数量或数值过大',
  custom: '不符合要求',
};

/** Validates the JSON of a `plugin.json`; refuses it with every problem, in zh-CN and English. */
export function parsePackageManifest(raw: unknown): PackageManifest {
  const result = packageManifestSchema.safeParse(raw);
  if (result.success) return result.data;
  const findings: ManifestFinding[] = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: { 'zh-CN': `插件清单${issue.path.length > 0 ? `“${issue.path.join('.')}”` : ''}${zhByCode[issue.code] ?? '不符合要求'}：${issue.message}`, en: issue.message },
  }));
  throw new PlatformError('PLUGIN_INVALID', { details: findings });
}
