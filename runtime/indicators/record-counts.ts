import { and, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { MIGRATE_EVENT, chinaDayEnd, chinaDayStart, type RecordSelector } from '../../engine/index.ts';
import { caseEvents, orgUnits, recordRevisions } from '../db/schema/index.ts';

/**
 * Where the indicators count performance records from: the records themselves, or the roll-up
 * `step_counts` (migration 0040), which triggers keep in the transaction that writes each record
 * or revision, so both give the same counts. Each source words the same conditions on its own
 * columns; the roll-up cannot read a record's form data or its case's opening, so a selector that
 * needs them is counted from the records (`countable`).
 */
export interface RecordSource {
  /** The FROM clause: the records (or their counts) with the org unit that took them as `org_units`. */
  from: SQL;
  /** How many records a row stands for. */
  weight: SQL;
  inPeriod(path: string, query: PeriodQuery): SQL;
  selects(selector: RecordSelector): SQL;
  /** Judged against a provisional deadline and not judged again; judged again. */
  provisional: SQL;
  recalculated: SQL;
  /** The steps a workload counts: with a task deadline, taken by a person. */
  handled: SQL;
  /** China dates the state was entered and left (the step taken). */
  enteredDay: SQL<string>;
  leftDay: SQL<string>;
  process: SQL<string>;
  post: SQL<string | null>;
  channel: SQL<string>;
}

/** Where and when: an org unit's subtree (by path), China dates inclusive, optionally one post or channel. */
export interface PeriodQuery {
  from: string;
  to: string;
  post?: string | undefined;
  channel?: string | undefined;
}

/** A record's revision after its year's holiday schedule came in, joined to the record when there is one. */
export const revisionOf = and(eq(recordRevisions.cityCode, caseEvents.cityCode), eq(recordRevisions.caseEventId, caseEvents.id))!;

/** Whether a step met its deadline: as judged again once its year's schedule came in, else as recorded. */
export const onTimeNow = sql<boolean | null>`coalesce(${recordRevisions.onTime}, ${caseEvents.onTime})`;

/** Whether the roll-up can count a selector's records. */
export function countable(selector: RecordSelector): boolean {
  return selector.data === undefined && selector.withinDaysOfOpening === undefined;
}

/**
 * The records a selector counts. A migration's record (from = to = the case's state) moves a case
 * onto another version without a step of the work, so only a selector naming its event counts it.
 */
function selectsOn(selector: RecordSelector, c: { process: SQL; event: SQL; from: SQL; to: SQL; onTime: SQL; withDeadline: SQL }): SQL[] {
  const conditions: SQL[] = [sql`${c.process} = ${selector.process}`];
  conditions.push(selector.event ? sql`${c.event} = ${selector.event}` : sql`${c.event} <> ${MIGRATE_EVENT}`);
  if (selector.from) conditions.push(sql`${c.from} = ${selector.from}`);
  if (selector.to) conditions.push(sql`${c.to} = ${selector.to}`);
  if (selector.onTime !== undefined) conditions.push(sql`${c.onTime} = ${selector.onTime}`);
  if (selector.withDeadline) conditions.push(c.withDeadline);
  return conditions;
}

export const records: RecordSource = {
  from: sql`${caseEvents} JOIN ${orgUnits} ON ${orgUnits.id} = ${caseEvents.orgUnitId} LEFT JOIN ${recordRevisions} ON ${revisionOf}`,
  weight: sql`1`,
  /**
   * Records taken in the unit's subtree (by the org unit of whoever took the step), in the period, at
   * the post if given. A record brought in by a legacy import is history from the city's earlier
   * system, not work done here in the period: it is never counted.
   */
  inPeriod(path, query) {
    const conditions: SQL[] = [
      isNull(caseEvents.importedFrom),
      sql`${orgUnits.path} LIKE ${`${path}%`}`,
      gte(caseEvents.leftAt, chinaDayStart(query.from)),
      lt(caseEvents.leftAt, chinaDayEnd(query.to)),
    ];
    if (query.post) conditions.push(eq(caseEvents.post, query.post));
    if (query.channel) conditions.push(eq(caseEvents.channel, query.channel));
    return and(...conditions)!;
  },
  selects(selector) {
    const conditions = selectsOn(selector, {
      process: sql`${caseEvents.processId}`,
      event: sql`${caseEvents.event}`,
      from: sql`${caseEvents.fromState}`,
      to: sql`${caseEvents.toState}`,
      onTime: onTimeNow,
      withDeadline: sql`${caseEvents.dueAt} IS NOT NULL`,
    });
    if (selector.data) conditions.push(sql`${caseEvents.data} @> ${JSON.stringify(selector.data)}::jsonb`);
    if (selector.withinDaysOfOpening !== undefined) {
      conditions.push(
        sql`EXISTS (SELECT 1 FROM cases opened WHERE opened.city_code = ${caseEvents.cityCode} AND opened.id = ${caseEvents.caseId}
            AND ${caseEvents.leftAt} <= opened.created_at + make_interval(days => ${selector.withinDaysOfOpening}::int))`,
      );
    }
    return and(...conditions)!;
  },
  provisional: sql`${caseEvents.dueProvisional} AND ${recordRevisions.caseEventId} IS NULL`,
  recalculated: sql`${recordRevisions.caseEventId} IS NOT NULL`,
  handled: sql`${caseEvents.dueAt} IS NOT NULL AND ${caseEvents.actorRole} <> 'system'`,
  enteredDay: sql<string>`to_char(${caseEvents.enteredAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
  leftDay: sql<string>`to_char(${caseEvents.leftAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
  process: sql<string>`${caseEvents.processId}`,
  post: sql<string | null>`${caseEvents.post}`,
  channel: sql<string>`${caseEvents.channel}`,
};

/** The summed counts and the deltas written since the last compaction: together, every record. */
export const stepCounts: RecordSource = {
  from: sql`(SELECT * FROM step_counts UNION ALL SELECT * FROM step_count_deltas) s JOIN ${orgUnits} ON ${orgUnits.id} = s.org_unit_id`,
  weight: sql`s.n`,
  // Imported records are never rolled up; `day` is the China date the step was taken.
  inPeriod(path, query) {
    const conditions: SQL[] = [sql`${orgUnits.path} LIKE ${`${path}%`}`, sql`s.day >= ${query.from}::date`, sql`s.day <= ${query.to}::date`];
    if (query.post) conditions.push(sql`s.post = ${query.post}`);
    if (query.channel) conditions.push(sql`s.channel = ${query.channel}`);
    return and(...conditions)!;
  },
  selects(selector) {
    return and(...selectsOn(selector, { process: sql`s.process_id`, event: sql`s.event`, from: sql`s.from_state`, to: sql`s.to_state`, onTime: sql`s.on_time`, withDeadline: sql`s.with_deadline` }))!;
  },
  provisional: sql`s.provisional`,
  recalculated: sql`s.revised`,
  handled: sql`s.with_deadline AND NOT s.system_actor`,
  enteredDay: sql<string>`to_char(s.entered_day, 'YYYY-MM-DD')`,
  leftDay: sql<string>`to_char(s.day, 'YYYY-MM-DD')`,
  process: sql<string>`s.process_id`,
  post: sql<string | null>`s.post`,
  channel: sql<string>`s.channel`,
};

/** A count of the records a condition keeps, on either source. */
export function countWhere(source: RecordSource, condition: SQL): SQL<string | number> {
  return sql<string | number>`coalesce(sum(${source.weight}) FILTER (WHERE ${condition}), 0)`;
}

/** The roll-up when it can count every selector, else the records. */
export function sourceFor(fromRecords: boolean, ...selectors: RecordSelector[]): RecordSource {
  return !fromRecords && selectors.every(countable) ? stepCounts : records;
}
