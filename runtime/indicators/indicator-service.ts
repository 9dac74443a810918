import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { PlatformError, workingDaysBetween, type IndicatorSpec } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import { queryRows } from '../db/index.ts';
import { caseEvents, cases, orgUnits, posts, recordRevisions } from '../db/schema/index.ts';
import type { CaseChannel } from '../cases/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { countWhere, onTimeNow, records, revisionOf, sourceFor, type RecordSource } from './record-counts.ts';

/**
 * The question an indicator answers: where (an org unit and its subtree, optionally one post), when
 * (China dates, inclusive), and optionally only the work on cases that came in by one channel (an
 * online application, the window, ...), as each performance record carries it.
 */
export interface IndicatorQuery {
  orgUnitId: string;
  from: string;
  to: string;
  post?: string | undefined;
  channel?: CaseChannel | undefined;
}

/** Every indicator the plugins declare, by id. */
export function indicatorCatalogue(rt: RuntimeContext): Map<string, IndicatorSpec & { pluginId: string }> {
  return new Map(rt.registry.plugins.flatMap((plugin) => plugin.indicators.map((spec) => [spec.id, { ...spec, pluginId: plugin.id }] as const)));
}

function indicatorOf(rt: RuntimeContext, id: string) {
  const spec = indicatorCatalogue(rt).get(id);
  if (!spec) throw new PlatformError('NOT_FOUND', { details: { indicator: id } });
  return spec;
}

/** The org unit asked about, if it is the user's or below it: 404 otherwise, like any record out of scope. */
export async function unitInScope(rt: RuntimeContext, user: SessionUser, orgUnitId: string) {
  const [unit] = await rt.db.select().from(orgUnits).where(eq(orgUnits.id, orgUnitId)).limit(1);
  if (!unit || !unit.path.startsWith(user.orgUnit.path)) throw new PlatformError('NOT_FOUND', { details: { orgUnit: orgUnitId } });
  return unit;
}

/**
 * Records taken in the unit's subtree (by the org unit of whoever took the step), in the period, at
 * the post if given, legacy imports left out (see `records.inPeriod`).
 */
export function inPeriod(path: string, query: IndicatorQuery): SQL {
  return records.inPeriod(path, query);
}

function ratio(numerator: number, denominator: number, factor: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * factor * 100) / 100;
}

/**
 * An indicator for an org unit's subtree (and optionally one post) over a period: its numerator
 * and denominator counted from the performance records, and the value numerator / denominator ×
 * factor (null with no denominator), so an evaluator can check the figure. `calendar` says how
 * many of the records counted were judged against a provisional deadline (a year with no holiday
 * schedule yet) and how many were judged again since their year's schedule came in.
 */
export async function computeIndicator(rt: RuntimeContext, user: SessionUser, id: string, query: IndicatorQuery, options: { fromRecords?: boolean } = {}) {
  const spec = indicatorOf(rt, id);
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const source = sourceFor(options.fromRecords ?? false, spec.numerator, spec.denominator);
  const counted = sql`(${source.selects(spec.numerator)} OR ${source.selects(spec.denominator)})`;
  const [counts] = await queryRows<{ numerator: string | number; denominator: string | number; provisional: string | number; recalculated: string | number }>(
    rt.db,
    sql`SELECT ${countWhere(source, source.selects(spec.numerator))} AS numerator, ${countWhere(source, source.selects(spec.denominator))} AS denominator,
          ${countWhere(source, sql`${counted} AND ${source.provisional}`)} AS provisional, ${countWhere(source, sql`${counted} AND ${source.recalculated}`)} AS recalculated
        FROM ${source.from}
        WHERE ${source.inPeriod(unit.path, query)} AND ${source.process} IN (${spec.numerator.process}, ${spec.denominator.process})`,
  );
  const numerator = Number(counts?.numerator ?? 0);
  const denominator = Number(counts?.denominator ?? 0);
  const { from, to, post } = query;
  return {
    indicator: id,
    title: spec.title,
    orgUnit: { id: unit.id, name: unit.name },
    from,
    to,
    post,
    numerator,
    denominator,
    factor: spec.factor,
    value: ratio(numerator, denominator, spec.factor),
    calendar: { provisionalRecords: Number(counts?.provisional ?? 0), recalculatedRecords: Number(counts?.recalculated ?? 0) },
  };
}

/** What a drill-down splits an indicator by: child org unit, post, or the channel the cases came in by. */
export type DrillDownBy = 'unit' | 'post' | 'channel';

function drillKey(source: RecordSource, by: DrillDownBy, unitPath: string): SQL<string> {
  if (by === 'post') return sql<string>`coalesce(${source.post}, '')`;
  if (by === 'channel') return sql<string>`${source.channel}`;
  return sql<string>`split_part(substr(${orgUnits.path}, ${unitPath.length + 1}), '/', 1)`;
}

/**
 * The indicator one level down: per child org unit of the unit (district, street, office …), per
 * post in its subtree, or per channel its cases came in by (window, online, ...); each row with its
 * own numerator and denominator. Rows add up to the unit's figure; steps recorded at the unit itself
 * appear as its own row.
 */
export async function drillDown(rt: RuntimeContext, user: SessionUser, id: string, query: IndicatorQuery & { by: DrillDownBy }, options: { fromRecords?: boolean } = {}) {
  const spec = indicatorOf(rt, id);
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const source = sourceFor(options.fromRecords ?? false, spec.numerator, spec.denominator);
  const key = drillKey(source, query.by, unit.path);
  const rows = await queryRows<{ key: string; numerator: string | number; denominator: string | number }>(
    rt.db,
    sql`SELECT ${key} AS key, ${countWhere(source, source.selects(spec.numerator))} AS numerator, ${countWhere(source, source.selects(spec.denominator))} AS denominator
        FROM ${source.from}
        WHERE ${source.inPeriod(unit.path, query)} AND ${source.process} IN (${spec.numerator.process}, ${spec.denominator.process})
        GROUP BY 1 ORDER BY 1`,
  );
  const keys = rows.map((r) => r.key).filter(Boolean);
  const found =
    keys.length === 0 || query.by === 'channel'
      ? []
      : query.by === 'unit'
        ? await rt.db.select({ key: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, keys))
        : await rt.db.selectDistinct({ key: posts.code, name: posts.name }).from(posts).where(inArray(posts.code, keys));
  const names = new Map(found.map((u) => [u.key, u.name]));
  return {
    indicator: id,
    orgUnit: { id: unit.id, name: unit.name },
    by: query.by,
    rows: rows
      .map((r) => {
        const numerator = Number(r.numerator);
        const denominator = Number(r.denominator);
        const own = r.key === '';
        const label = query.by !== 'unit' ? (own ? null : r.key) : own ? unit.id : r.key;
        const name = own ? (query.by === 'unit' ? unit.name : null) : (names.get(r.key) ?? r.key);
        return { key: label, name, numerator, denominator, value: ratio(numerator, denominator, spec.factor) };
      })
      .filter((r) => r.denominator > 0 || r.numerator > 0),
  };
}

/**
 * The performance records behind an indicator's denominator: which case, which step, at which
 * org unit and post, by whom, the deadline and how many working days late; `late` keeps only
 * the steps that missed their deadline. A record judged again once its year's holiday schedule
 * came in shows the deadline and verdict now counted, with those first recorded beside them.
 * Latest first, one page at a time, with the total to page through.
 */
export async function indicatorRecords(rt: RuntimeContext, user: SessionUser, id: string, query: IndicatorQuery & { late?: boolean | undefined; page: number; pageSize: number }) {
  const spec = indicatorOf(rt, id);
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const conditions = [inPeriod(unit.path, query), records.selects(spec.denominator)];
  if (query.late) conditions.push(sql`${onTimeNow} = false`);
  const [counted] = await rt.db
    .select({ total: count() })
    .from(caseEvents)
    .innerJoin(orgUnits, eq(orgUnits.id, caseEvents.orgUnitId))
    .leftJoin(recordRevisions, revisionOf)
    .where(and(...conditions));
  const rows = await rt.db
    .select({ record: caseEvents, revision: recordRevisions, caseNo: cases.caseNo, orgUnitName: orgUnits.name })
    .from(caseEvents)
    .innerJoin(orgUnits, eq(orgUnits.id, caseEvents.orgUnitId))
    .innerJoin(cases, and(eq(cases.cityCode, caseEvents.cityCode), eq(cases.id, caseEvents.caseId)))
    .leftJoin(recordRevisions, revisionOf)
    .where(and(...conditions))
    .orderBy(desc(caseEvents.leftAt), desc(caseEvents.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const calendar = await calendarInForce(rt.db, rt, unit.path);
  return {
    items: rows.map(({ record, revision, caseNo, orgUnitName }) => {
      const dueAt = revision?.dueAt ?? record.dueAt;
      const onTime = revision?.onTime ?? record.onTime;
      return {
        caseId: record.caseId,
        caseNo,
        from: record.fromState,
        to: record.toState,
        event: record.event,
        actor: { id: record.actorId, name: record.actorName, role: record.actorRole },
        post: record.post,
        orgUnit: { id: record.orgUnitId, name: orgUnitName },
        enteredAt: record.enteredAt.toISOString(),
        leftAt: record.leftAt.toISOString(),
        dueAt: dueAt?.toISOString() ?? null,
        onTime,
        dueProvisional: record.dueProvisional && !revision,
        recalculated: revision ? { recordedDueAt: record.dueAt?.toISOString() ?? null, recordedOnTime: record.onTime, calendarVersion: revision.calendarVersion, at: revision.revisedAt.toISOString() } : null,
        workingDaysLate: onTime === false && dueAt ? workingDaysBetween(calendar, dueAt, record.leftAt) : 0,
      };
    }),
    total: counted?.total ?? 0,
  };
}
