import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { PublicNoticeDefinition } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits, persons, publicNotices, timers } from '../db/schema/index.ts';
import { divisionTree } from '../divisions/index.ts';
import { publishedDefinition, type PluginRegistry } from '../plugins/index.ts';
import type { CaseProjection, CaseRow } from '../runtime-context.ts';
import { maskNoticeName } from './mask-name.ts';

let divisionNames: Map<string, string> | undefined;

/** The name of the district (or city) an office's path ends in: `/000000/350000/350200/350203/…` → 思明区. */
export function districtOfPath(path: string): string {
  divisionNames ??= new Map(divisionTree().map((division) => [division.code, division.name]));
  const codes = path.split('/').filter((part) => /^\d{6}$/.test(part) && part !== '000000');
  for (const code of codes.reverse()) {
    const name = divisionNames.get(code);
    if (name) return name;
  }
  return '';
}

const ofCase = (row: Pick<CaseRow, 'cityCode' | 'id'>) => and(eq(publicNotices.cityCode, row.cityCode), eq(publicNotices.caseId, row.id))!;

/** The processes whose standard definitions declare a notice in some state: a case of any other costs nothing. */
function noticeProcesses(registry: PluginRegistry): Set<string> {
  const found = new Set<string>();
  for (const [processId, { compiled }] of registry.processes) {
    if (Object.values(compiled.definition.states).some((state) => state.publicNotice)) found.add(processId);
  }
  return found;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
const whole = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** The public row of a case in a notice state: the masked name, the declared amount, post or employer, the district, the period (entry to its ending timer). */
async function noticeRow(tx: Executor, row: CaseRow, notice: PublicNoticeDefinition, endsAt: Date, now: Date): Promise<typeof publicNotices.$inferInsert> {
  const [subject] = await tx.select({ name: persons.name }).from(persons).where(and(eq(persons.cityCode, row.cityCode), eq(persons.id, row.subjectId)));
  const [office] = await tx.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, row.orgUnitId));
  const entered = row.snapshot.context['enteredAt'];
  return {
    cityCode: row.cityCode,
    caseId: row.id,
    id: randomUUID(),
    processId: row.processId,
    state: row.state,
    titleZh: notice.title['zh-CN'],
    titleEn: notice.title.en,
    maskedName: maskNoticeName(subject?.name ?? ''),
    amountFen: notice.amountField ? whole(row.data[notice.amountField]) : null,
    post: notice.postField ? text(row.data[notice.postField]) : null,
    employer: notice.employerField ? text(row.data[notice.employerField]) : null,
    district: districtOfPath(office?.path ?? ''),
    startsAt: typeof entered === 'string' ? new Date(entered) : now,
    endsAt,
  };
}

/**
 * The public notices as the case transaction keeps them (a projection `createStepper` runs after
 * every write of a case, once its timers are written): a case in a state whose pinned definition
 * declares a `publicNotice` has its row written (kept, with its id, while it stays), ending when the
 * state's ending timer fires; in any other state its row is deleted, in the same transaction, so a
 * notice leaves the site in the step that ends its period or takes an objection.
 */
export function noticeProjection(registry: PluginRegistry): CaseProjection {
  const processes = noticeProcesses(registry);
  return async (tx, row, { now }) => {
    if (!processes.has(row.processId)) return;
    const { definition } = await publishedDefinition(tx, registry, row.definitionId);
    const notice = row.status === 'active' ? definition.states[row.state]?.publicNotice : undefined;
    const [timer] = notice
      ? await tx
          .select({ fireAt: timers.fireAt })
          .from(timers)
          .where(and(eq(timers.cityCode, row.cityCode), eq(timers.caseId, row.id), eq(timers.state, row.state), eq(timers.event, notice.endsWith), isNull(timers.firedAt), isNull(timers.cancelledAt)))
      : [];
    if (!notice || !timer) {
      await tx.delete(publicNotices).where(ofCase(row));
      return;
    }
    const values = await noticeRow(tx, row, notice, timer.fireAt, now);
    await tx
      .insert(publicNotices)
      .values(values)
      .onConflictDoUpdate({
        target: [publicNotices.cityCode, publicNotices.caseId],
        set: { maskedName: values.maskedName, amountFen: values.amountFen, post: values.post, employer: values.employer, district: values.district, endsAt: values.endsAt },
      });
  };
}
