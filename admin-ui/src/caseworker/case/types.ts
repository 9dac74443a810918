import type { Localized } from '../../api.ts';
import type { JsonSchema } from '../../forms/localise-schema.ts';
import type { Material } from '../attachments/types.ts';

/** The form an action carries, from the case's pinned definition. */
export interface ActionForm {
  id: string;
  title: Localized;
  schema: JsonSchema;
  ui: Record<string, unknown>;
}

/** What a step does beyond moving its own case, from the definitions (`confirm`: ask before sending it). */
export interface StepConsequences {
  confirm: boolean;
  statuses: { key: string; title: Localized; value: string }[];
  coordinated: { caseId: string; caseNo: string; processTitle: Localized; stepTitle: Localized; stateTitle: Localized; conditional: boolean }[];
  opens: { processTitle: Localized; conditional: boolean }[];
}

/** An action the signed-in user may take on the case now. */
export interface CaseAction {
  event: string;
  title: Localized;
  target: string;
  targetTitle: Localized;
  form: ActionForm | null;
  consequences: StepConsequences;
  /** The proofs the step asks to attach; the server refuses it while a required one is missing. */
  materials: Material[];
}

/** `GET /api/cases/{id}`. */
export interface CaseDetail {
  id: string;
  caseNo: string;
  processId: string;
  processTitle: Localized;
  state: string;
  stateTitle: Localized;
  status: 'active' | 'final';
  outcome: 'completed' | 'rejected' | 'cancelled' | null;
  subject: { type: 'person' | 'employer'; id: string; name: string; identifier: string } | null;
  dueAt: string | null;
  /** Counted Monday to Friday through a year whose holiday schedule is not entered yet. */
  dueProvisional: boolean;
  version: number;
  definitionVersion: number;
  pluginId: string;
  pluginVersion: string;
  data: Record<string, unknown>;
  createdAt: string;
  enteredAt: string;
  closedAt: string | null;
  actions: CaseAction[];
}

/** One step of `GET /api/cases/{id}/history`. */
export interface HistoryStep {
  seq: number;
  from: string | null;
  fromTitle: Localized | null;
  to: string;
  toTitle: Localized | null;
  event: string;
  eventTitle: Localized;
  actor: { id: string; name: string; role: string };
  post: string | null;
  postTitle: Localized | null;
  orgUnit: { id: string; name: string };
  enteredAt: string;
  leftAt: string;
  dueAt: string | null;
  onTime: boolean | null;
  /** The deadline was counted Monday to Friday through a year with no holiday schedule, and not judged again yet. */
  dueProvisional: boolean;
  /** The deadline and verdict counted again once the year's schedule came in. */
  recalculated: { dueAt: string; onTime: boolean; calendarVersion: number; at: string } | null;
  data: Record<string, unknown>;
  /** The facts its rules read from another organisation (the social insurance agency), with source and as-of time, or the caseworker's value in their place. */
  exchangeFacts?: { name: string; provider: string; value: Record<string, unknown> }[];
  /** For a step coordination took: the domain event, the title of the step that emitted it (null when none declares it), and the case. */
  cause: { event: string; eventTitle: Localized | null; caseId: string; caseNo: string; processId: string } | null;
  form: { id: string; title: Localized; schema: JsonSchema } | null;
}

/** One row of `GET /api/cases/{id}/links`. */
export interface CaseLink {
  direction: 'caused-by' | 'caused';
  event: string;
  /** The title of the step that emitted the event; null when no step declares it. */
  eventTitle: Localized | null;
  effect: 'started' | 'stepped';
  caseId: string;
  caseNo: string;
  processTitle: Localized;
  stateTitle: Localized;
  at: string;
}
