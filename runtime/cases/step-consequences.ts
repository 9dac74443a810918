import { and, eq, ne } from 'drizzle-orm';
import type { Definition, LocalizedText, TransitionDefinition } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { cases } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { CaseRow, RuntimeContext } from '../runtime-context.ts';

/** A subject status (declared by a package) that a step sets, and the value it sets. */
export interface StatusChange {
  key: string;
  title: LocalizedText;
  value: string;
}

/** Another case of the subject that a step's domain event moves on (coordination), as it stands now. */
export interface CoordinatedStep {
  caseId: string;
  caseNo: string;
  processTitle: LocalizedText;
  /** The step that case receives, e.g. 就业登记自动注销. */
  stepTitle: LocalizedText;
  /** The state it leads that case to, e.g. 已注销. */
  stateTitle: LocalizedText;
  /** Only if a condition holds (the subscription's `when`, or the receiving step's rules). */
  conditional: boolean;
}

/** A case of another process that a step's domain event may open for the subject. */
export interface OpenedCase {
  processTitle: LocalizedText;
  conditional: boolean;
}

/**
 * What a step does beyond moving its own case, read from the definitions: the statuses it sets and
 * the other cases its events move on or open. `confirm` is true when there is any: such a step
 * changes a legal status, and the workbench asks before sending it.
 */
export interface StepConsequences {
  confirm: boolean;
  statuses: StatusChange[];
  coordinated: CoordinatedStep[];
  opens: OpenedCase[];
}

function statusChanges(rt: RuntimeContext, transition: TransitionDefinition): StatusChange[] {
  return transition.actions.flatMap((action) => {
    const field = action.params?.['field'];
    const value = action.params?.['value'];
    const declared = typeof field === 'string' ? rt.registry.statuses.get(field) : undefined;
    return action.type === 'setSubject' && declared && typeof value === 'string' ? [{ key: field as string, title: declared.title, value }] : [];
  });
}

function emittedEvents(transition: TransitionDefinition): string[] {
  return transition.actions.flatMap((action) => (action.type === 'emit' && typeof action.params?.['event'] === 'string' ? [action.params['event']] : []));
}

type ActiveCase = { row: typeof cases.$inferSelect; definition: Definition };

/** The subject's other active cases, each with the definition it is pinned to: read once for all the steps asked about. */
async function activeCasesOf(db: Executor, rt: RuntimeContext, row: CaseRow): Promise<ActiveCase[]> {
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.cityCode, row.cityCode), eq(cases.subjectId, row.subjectId), eq(cases.status, 'active'), ne(cases.id, row.id)));
  return Promise.all(rows.map(async (other) => ({ row: other, definition: (await publishedDefinition(db, rt.registry, other.definitionId)).definition })));
}

function consequencesOf(rt: RuntimeContext, active: readonly ActiveCase[], transition: TransitionDefinition): StepConsequences {
  const statuses = statusChanges(rt, transition);
  const coordinated: CoordinatedStep[] = [];
  const opens: OpenedCase[] = [];
  for (const event of emittedEvents(transition)) {
    for (const subscription of rt.registry.subscriptionsTo(event)) {
      const conditional = subscription.when !== undefined;
      const others = active.filter((other) => other.row.processId === subscription.process);
      if (subscription.send === undefined) {
        // Coordination opens nothing when the subject already has an active case of the process.
        const title = rt.registry.processes.get(subscription.process)?.compiled.definition.title;
        if (others.length === 0 && title) opens.push({ processTitle: title, conditional });
        continue;
      }
      for (const other of others) {
        const step = other.definition.states[other.row.state]?.on[subscription.send];
        if (!step) continue;
        const stateTitle = other.definition.states[step.target]?.title ?? { 'zh-CN': step.target, en: step.target };
        coordinated.push({ caseId: other.row.id, caseNo: other.row.caseNo, processTitle: other.definition.title, stepTitle: step.title, stateTitle, conditional: conditional || step.rules.length > 0 });
      }
    }
  }
  return { confirm: statuses.length > 0 || coordinated.length > 0 || opens.length > 0, statuses, coordinated, opens };
}

/** The consequences of each of the given steps of an active case, by event. */
export async function stepConsequences(db: Executor, rt: RuntimeContext, row: CaseRow, definition: Definition, events: readonly string[]): Promise<Map<string, StepConsequences>> {
  const result = new Map<string, StepConsequences>();
  const transitions = events.flatMap((event) => {
    const transition = definition.states[row.state]?.on[event];
    return transition ? [[event, transition] as const] : [];
  });
  // Only a step that emits an event can move another case: the others need no read at all.
  const active = transitions.some(([, transition]) => emittedEvents(transition).length > 0) ? await activeCasesOf(db, rt, row) : [];
  for (const [event, transition] of transitions) result.set(event, consequencesOf(rt, active, transition));
  return result;
}
