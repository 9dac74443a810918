import type { LocalizedText } from '../errors/index.ts';
import type { Implementations } from '../actions/index.ts';

/** A value of a parameter in force from a date (`YYYY-MM-DD`, China time) on. */
export interface EffectiveValue<T> {
  from: string;
  value: T;
}

/**
 * A number a province or city may set within ministry bounds. Money is integer fen.
 * `default` applies until the first of `changes` takes effect; local values (overlays) are
 * checked against `min` and `max`.
 */
export interface NumberParameterSpec {
  id: string;
  /** The rule that sets it, e.g. 社会保险法 art. 47. */
  legalBasis?: string;
  title: LocalizedText;
  unit: 'fen' | 'days' | 'workingDays' | 'months' | 'years' | 'count' | 'percent' | 'basisPoints';
  default: number;
  min: number;
  max: number;
  changes?: readonly EffectiveValue<number>[];
}

/** A list of codes a city chooses from a ministry catalogue, e.g. the difficulty categories in force. */
export interface ListParameterSpec {
  id: string;
  legalBasis?: string;
  title: LocalizedText;
  unit: 'codes';
  default: readonly string[];
  options: readonly { code: string; title: LocalizedText }[];
  changes?: readonly EffectiveValue<readonly string[]>[];
}

export type ParameterSpec = NumberParameterSpec | ListParameterSpec;

function latestOn<T>(values: readonly EffectiveValue<T>[], date: string): EffectiveValue<T> | undefined {
  return [...values].filter((v) => v.from <= date).sort((a, b) => a.from.localeCompare(b.from)).at(-1);
}

/**
 * The value of a parameter in force on a date. `local` lists the values set by overlays, from
 * the province down to the city: the most local level with a value in force on that date wins;
 * without one, the ministry's latest change on or before the date, else its default.
 */
export function parameterValueOn(spec: ParameterSpec, date: string, local: readonly (readonly EffectiveValue<number | readonly string[]>[])[] = []): number | readonly string[] {
  for (const level of [...local].reverse()) {
    const value = latestOn(level, date);
    if (value) return value.value;
  }
  return latestOn<number | readonly string[]>(spec.changes ?? [], date)?.value ?? spec.default;
}

/** Something of the ministry standard that an overlay may not change, and why. */
export interface Lock {
  /** The process definition the element belongs to (a plugin may ship several). */
  process: string;
  /** Dotted path into the definition, e.g. `states.registered` or `forms.registration.schema.required`. */
  element: string;
  reason: LocalizedText;
}

/** Which recorded performance records an indicator counts. */
export interface RecordSelector {
  process: string;
  event?: string;
  from?: string;
  to?: string;
  onTime?: boolean;
  /** Only records that had a deadline. */
  withDeadline?: boolean;
  /** Only records whose form data holds these values, e.g. `{ cancellationReason: 'employed' }`. */
  data?: Readonly<Record<string, string | number | boolean>>;
  /** Only records taken within this many calendar days of the case's opening (exits within 6 months). */
  withinDaysOfOpening?: number;
}

/** A stored formula: numerator / denominator x factor over performance records. */
export interface IndicatorSpec {
  id: string;
  title: LocalizedText;
  numerator: RecordSelector;
  denominator: RecordSelector;
  factor: number;
  /** Why the formula counts what it counts, for whoever reads the package. */
  note?: string;
}

/**
 * Coordination: when a domain event is emitted about a person or employer, in the same
 * transaction and as the system, either `send` an event to every active case of `process` for
 * the same subject, or `start` a new case of `process` for it (a prompt for a caseworker).
 * The form sent (or the new case's data) is `data` plus payload fields copied by `fromPayload`
 * (payload field -> form field). `when` is a CEL condition over `payload` that must hold.
 * A subscribed case whose rules refuse the event is left as it is.
 */
export type Subscription = {
  event: string;
  process: string;
  when?: string;
  data?: Readonly<Record<string, unknown>>;
  fromPayload?: Readonly<Record<string, string>>;
  note?: string;
} & ({ send: string; start?: never } | { start: true; send?: never });

/**
 * What a signed event message of another agency prompts (an exchange service such as
 * `social-insurance.enrolment`, whose payload names a person by ID number and an employer by
 * credit code): `start` a case of `process` for the person, or `send` an event to the person's
 * active case of it, as the system. The new case's data (or the form sent) is `data` plus payload
 * fields copied by `fromPayload` (payload field -> form field). `sameCase` (case data field ->
 * payload field) says which active case the message is about: for `start`, such a case already
 * open means nothing is opened; for `send`, only such cases receive the event. The runtime knows
 * the agencies' messages; which process they prompt is the package's to say.
 */
export type ExchangeEventSubscription = {
  service: string;
  process: string;
  data?: Readonly<Record<string, unknown>>;
  fromPayload?: Readonly<Record<string, string>>;
  sameCase?: Readonly<Record<string, string>>;
  note?: string;
} & ({ send: string; start?: never } | { start: true; send?: never });

/**
 * What the platform's shared features may rely on a package for, by name: the runtime's
 * statistics, monitoring and matching ask "which process and state means a registered
 * unemployed person" instead of naming a process. Each part names an element of one of the
 * package's processes; the load checks that it exists. `jobApplication` is the event that refers a
 * job seeker to a published vacancy, which a citizen's online application sends as the applicant.
 */
export const meaningNames = ['registeredUnemployed', 'employed', 'publishedVacancy', 'filledVacancy', 'activeJobSeeker', 'jobApplication', 'certified', 'surveyRecorded', 'publishedArticle', 'employerAccountVerified', 'employerAccountRefused'] as const;
export type MeaningName = (typeof meaningNames)[number];

/** The parts each meaning must name, which the shared features read. */
export const meaningParts: Readonly<Record<MeaningName, readonly ('state' | 'event' | 'form')[]>> = {
  registeredUnemployed: ['state'],
  employed: ['state'],
  publishedVacancy: ['state', 'form'],
  filledVacancy: ['event'],
  activeJobSeeker: ['state', 'form'],
  jobApplication: ['event'],
  certified: ['state', 'event'],
  surveyRecorded: ['state'],
  /** An article of the employment work website (就业工作网站) on the site: the public site keeps a projection of these cases. */
  publishedArticle: ['state', 'form'],
  // An employer's public account is usable once its verification case is in this state (application form: the credit code and name), and refused in the other (refusal form: the reason shown to the employer).
  employerAccountVerified: ['state', 'form'],
  employerAccountRefused: ['state', 'form'],
};

/** The process, and where needed the state, event or form, that carries a meaning. */
export interface Meaning {
  process: string;
  state?: string;
  event?: string;
  form?: string;
}

/**
 * The meanings whose cases a city may bring in from its earlier system (a legacy import): the bulk
 * import offers one kind per meaning a package declares a `legacyImports` entry for.
 */
export const legacyImportMeanings = ['registeredUnemployed', 'employed', 'publishedVacancy', 'activeJobSeeker'] as const;
export type LegacyImportMeaning = (typeof legacyImportMeanings)[number];

/** A state an imported registration may be in: the statuses it sets on the person, and for an ended one where its end date and reason go. */
export interface LegacyImportState {
  statuses?: Readonly<Record<string, string>>;
  /** The registration ended: the case data fields that take the end date and the reason, and the reasons allowed. */
  ended?: { dateField: string; reasonField: string; reasons: readonly string[] };
}

/**
 * How a package takes registrations from a city's earlier system as cases of the meaning's process:
 * the case data field the registration date goes to, and the states a row may name (the meaning's
 * state, entered on the registration date, and the states it may have ended in, entered on the end
 * date). Imported states have no task: nothing of the past is left to do.
 */
export interface LegacyImport {
  title: LocalizedText;
  dateField: string;
  states: Readonly<Record<string, LegacyImportState>>;
  /**
   * Who a row names, as the process's subject: a person by ID number (the default) or an employer by
   * credit code; `field`, for an employer, the case data field that also takes its credit code.
   */
  subject?: { type: 'person' | 'employer'; field?: string };
  /** Case data a row brings, each a field of the meaning's form, checked by the form's schema. */
  columns?: readonly LegacyImportColumn[];
  /** Columns a row is unique by besides its subject and date (an employer posts several vacancies a day). */
  keyFields?: readonly string[];
}

/**
 * A column of a legacy import that carries case data: a field of the meaning's form (its value
 * checked by the form's own JSON Schema), its title, whether a row must give it, the code table its
 * code must be in, the column it may not be below (pay ceiling and floor, end and start) and, for a
 * date, whether it may not be past (a vacancy published still).
 */
export interface LegacyImportColumn {
  field: string;
  title: LocalizedText;
  required: boolean;
  codeTable?: string;
  notBelow?: string;
  notPast?: boolean;
}

/** A status a package's processes set on their subject, and the values it may take (the first is the default). */
export interface StatusDeclaration {
  title: LocalizedText;
  values: readonly string[];
  /**
   * Held in one city at a time for one ID number: the database refuses a value other than the
   * default while another city's record of the same person holds one, and the refusal names `rule`
   * (a `RULE_VIOLATION`) with `message`, as a process rule would.
   */
  nationwide?: NationwideExclusion;
  /**
   * What the `personNationwide` fact tells of this status: each flag (e.g. `unemployed`) is true
   * when any city's record of the person's ID number holds the value named (e.g. `registered`).
   * A flag name is declared once across the packages.
   */
  registryFlags?: Readonly<Record<string, string>>;
}

/** The rule a nationwide status's refusal names, and its message. */
export interface NationwideExclusion {
  rule: string;
  message: LocalizedText;
}

/**
 * A document a process issues from a case once its history holds the event `after`: a 受理回执,
 * a certificate page, a decision notice. Its fields and paragraphs take their values from
 * sources: `caseNo`, `processTitle`, `subjectName`, `subjectIdentifier` (masked), `openedAt`,
 * `dueAt` (the case's current deadline), `issuedAt`, `office`, `certificateNo` (the subject's
 * 就业创业证 number) or `data.<field>`; a paragraph names them in braces, e.g. `{caseNo}`.
 */
export interface DocumentDeclaration {
  id: string;
  process: string;
  title: LocalizedText;
  after: string;
  fields: readonly { title: LocalizedText; value: string }[];
  paragraphs: readonly LocalizedText[];
}

/** What a ministry process package contributes to the platform, as loaded. */
export interface PluginManifest {
  id: string;
  version: string;
  title: LocalizedText;
  /** Raw definition JSON; validated against the definition schema when the plugin loads. */
  definitions: readonly unknown[];
  /** The named guards and actions its rules may call: the runtime's extension catalogue. */
  implementations: Implementations;
  parameters: readonly ParameterSpec[];
  locks: readonly Lock[];
  indicators: readonly IndicatorSpec[];
  subscriptions: readonly Subscription[];
  /** What other agencies' signed event messages prompt in its processes (see `ExchangeEventSubscription`). */
  exchangeEvents?: readonly ExchangeEventSubscription[];
  /** Which of its processes, states and events the platform's shared features rely on (see `meaningNames`). */
  meanings?: Partial<Record<MeaningName, Meaning>>;
  /** The statuses its processes set on their subject, and the values each may take. */
  statuses?: Readonly<Record<string, StatusDeclaration>>;
  /** The registrations of its meanings a city may import from its earlier system (see `legacyImportMeanings`). */
  legacyImports?: Partial<Record<LegacyImportMeaning, LegacyImport>>;
  /** The documents its processes issue from a case, with their text. */
  documents?: readonly DocumentDeclaration[];
}

/** Identity helper that gives a plugin manifest its type where it is written. */
export function definePlugin(manifest: PluginManifest): PluginManifest {
  return manifest;
}
