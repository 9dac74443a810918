import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/index.ts';
import { caseEvents, cases, definitions, orgUnits, posts } from '../db/schema/index.ts';
import { inPeriod } from '../indicators/indicator-service.ts';
import type { PeriodRange } from './period.ts';

/** The most late records a review lists; `lateRecords` still counts them all. */
export const LATE_RECORDS_LISTED = 100;

/** Performance records of the period in the subtree at `path`, bounded exactly as the indicators bound them. */
export const ofPeriod = (path: string, range: PeriodRange) => inPeriod(path, { orgUnitId: '', from: range.from, to: range.to });

/** Records of the period in the subtree written after approval: flagged, never added to the frozen figures. */
export async function lateRecordsOf(db: Executor, path: string, range: PeriodRange, lastRecordId: number): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql`SELECT count(*) AS n FROM ${caseEvents} JOIN ${orgUnits} ON ${orgUnits.id} = ${caseEvents.orgUnitId}
        WHERE ${ofPeriod(path, range)} AND ${caseEvents.id} > ${lastRecordId}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * 迟录记录 The records behind `lateRecordsOf`, latest written first, at most `LATE_RECORDS_LISTED`:
 * which case, process and post, where, when the step was taken (names, not codes, for the screen). The staff member's name stays out: the
 * reviewer of a period's figures judges when they were recorded, not who took the step.
 */
export async function lateRecordList(db: Executor, path: string, range: PeriodRange, lastRecordId: number) {
  const rows = await db
    .select({
      id: caseEvents.id,
      caseId: caseEvents.caseId,
      caseNo: cases.caseNo,
      processId: caseEvents.processId,
      processTitle: sql<{ 'zh-CN': string; en: string }>`${definitions.definition}->'title'`,
      event: caseEvents.event,
      post: caseEvents.post,
      postName: posts.name,
      postNameEn: posts.nameEn,
      orgUnitId: caseEvents.orgUnitId,
      orgUnitName: orgUnits.name,
      leftAt: caseEvents.leftAt,
    })
    .from(caseEvents)
    .innerJoin(orgUnits, eq(orgUnits.id, caseEvents.orgUnitId))
    .innerJoin(cases, and(eq(cases.cityCode, caseEvents.cityCode), eq(cases.id, caseEvents.caseId)))
    .innerJoin(definitions, eq(definitions.id, caseEvents.definitionId))
    .leftJoin(posts, and(eq(posts.orgUnitId, caseEvents.orgUnitId), eq(posts.code, caseEvents.post)))
    .where(and(ofPeriod(path, range), gt(caseEvents.id, lastRecordId)))
    .orderBy(desc(caseEvents.id))
    .limit(LATE_RECORDS_LISTED);
  return rows.map(({ post, postName, postNameEn, orgUnitId, orgUnitName, leftAt, ...row }) => ({
    ...row,
    post: post ? { code: post, name: { 'zh-CN': postName ?? post, en: postNameEn ?? post } } : null,
    orgUnit: { id: orgUnitId, name: orgUnitName },
    leftAt: leftAt.toISOString(),
  }));
}
