import type { Definition, LocalizedText } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { CaseRow } from '../runtime-context.ts';
import { channelOf } from './case-search.ts';
import type { StepConsequences } from './step-consequences.ts';

/** A step with no consequences beyond its own case. */
const NONE: StepConsequences = { confirm: false, statuses: [], coordinated: [], opens: [] };

/** The subject of a case as lists show it. */
export interface SubjectSummary {
  type: 'person' | 'employer';
  id: string;
  name: string;
  /** Masked citizen ID number, or the credit code of an employer. */
  identifier: string;
}

/**
 * The actions the user may take on a case now, each with the form it carries and, when given, what
 * it does beyond the case (`consequences`: statuses set, other cases moved on or opened).
 */
export function availableActions(definition: Definition, state: string, user: SessionUser, consequences: ReadonlyMap<string, StepConsequences> = new Map()) {
  const transitions = definition.states[state]?.on ?? {};
  return Object.entries(transitions)
    .filter(([, t]) => t.roles.includes(user.role))
    .map(([event, t]) => {
      const form = t.form ? definition.forms[t.form] : undefined;
      return {
        event,
        title: t.title,
        target: t.target,
        targetTitle: stateTitle(definition, t.target),
        form: t.form && form ? { id: t.form, title: form.title, schema: form.schema, ui: form.ui ?? {} } : null,
        consequences: consequences.get(event) ?? NONE,
        materials: (t.materials ?? []).map((m) => ({ code: m.code, title: m.title, required: m.required })),
      };
    });
}

function stateTitle(definition: Definition, state: string): LocalizedText {
  return definition.states[state]?.title ?? { 'zh-CN': state, en: state };
}

/** A case in a list: no form data, masked identifiers. */
export function caseSummary(row: CaseRow, definition: Definition, subject: SubjectSummary | undefined) {
  return {
    id: row.id,
    caseNo: row.caseNo,
    processId: row.processId,
    processTitle: definition.title,
    state: row.state,
    stateTitle: stateTitle(definition, row.state),
    status: row.status,
    subject: subject ?? null,
    orgUnitId: row.orgUnitId,
    channel: channelOf(row),
    dueAt: row.snapshot.context.dueAt,
    dueProvisional: row.snapshot.context.dueProvisional ?? false,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A case in full: its data, the definition version it is pinned to, and what the user may do now. */
export function caseDetail(
  row: CaseRow,
  published: { definition: Definition; version: number },
  subject: SubjectSummary | undefined,
  user: SessionUser,
  consequences: ReadonlyMap<string, StepConsequences> = new Map(),
) {
  const { definition } = published;
  return {
    ...caseSummary(row, definition, subject),
    definitionVersion: published.version,
    pluginId: row.pluginId,
    pluginVersion: row.pluginVersion,
    outcome: definition.states[row.state]?.outcome ?? null,
    data: row.data,
    enteredAt: row.snapshot.context.enteredAt,
    closedAt: row.closedAt?.toISOString() ?? null,
    actions: row.status === 'active' ? availableActions(definition, row.state, user, consequences) : [],
  };
}

/** A person subject with the ID number masked. */
export function personSubject(person: { id: string; name: string; masked: string | null }): SubjectSummary {
  return { type: 'person', id: person.id, name: person.name, identifier: person.masked ?? '' };
}
