import type { LocalizedText } from '../errors/index.ts';
import type { Implementations } from '../step/index.ts';

/**
 * A number a province or city may set within ministry bounds. Money is integer fen.
 * Values take effect from a date; the default applies until a local value is in force.
 */
export interface ParameterSpec {
  id: string;
  title: LocalizedText;
  unit: 'fen' | 'days' | 'workingDays' | 'months' | 'years' | 'count';
  default: number;
  min: number;
  max: number;
}

/** Something of the ministry standard that an overlay may not change, and why. */
export interface Lock {
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
}

/** A stored formula: numerator / denominator x factor over performance records. */
export interface IndicatorSpec {
  id: string;
  title: LocalizedText;
  numerator: RecordSelector;
  denominator: RecordSelector;
  factor: number;
}

/**
 * Coordination: when a domain event is emitted about a subject, send `send` (with the form
 * `data`) to every active case of `process` for the same subject, as the system, in the same
 * transaction.
 */
export interface Subscription {
  event: string;
  process: string;
  send: string;
  data?: Readonly<Record<string, unknown>>;
}

/** What a ministry process package contributes to the platform. */
export interface PluginManifest {
  id: string;
  version: string;
  title: LocalizedText;
  /** Raw definition JSON; validated against the definition schema when the plugin loads. */
  definitions: readonly unknown[];
  implementations: Implementations;
  parameters: readonly ParameterSpec[];
  locks: readonly Lock[];
  indicators: readonly IndicatorSpec[];
  subscriptions: readonly Subscription[];
}

/** Identity helper that gives a plugin manifest its type where it is written. */
export function definePlugin(manifest: PluginManifest): PluginManifest {
  return manifest;
}
