import { sql } from 'drizzle-orm';
import { MIGRATE_EVENT, chinaDayEnd, chinaDayStart } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { queryRows } from '../db/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { unitInScope, type IndicatorQuery } from './indicator-service.ts';
import { outcomeRollUpFits, outcomeSums } from './outcome-rollups.ts';

const DAY_MS = 86_400_000;

/** China midnight starting a date, and the instant just after a period's last day, as SQL parameters. */
const startOf = (date: string) => chinaDayStart(date).toISOString();
const endOf = (date: string) => chinaDayEnd(date).toISOString();

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 100;
}

/**
 * 长期失业人员占比: of the persons registered unemployed (`registeredUnemployed`) at the end of the period (registered
 * before it ended and not exited by then, by the records of the org unit's subtree), those
 * registered for more than a year. A spell runs from the first record entering the state from another
 * to the first leaving it for another: a record from the state to itself (a recorded contact) is neither.
 */
async function longTermShare(rt: RuntimeContext, path: string, to: string) {
  const { process, state } = rt.registry.meaning('registeredUnemployed');
  const end = endOf(to);
  const yearBefore = new Date(Date.parse(end) - 365 * DAY_MS).toISOString();
  const [row] = await queryRows<{ stock: string | number; long_term: string | number }>(
    rt.db,
    sql`WITH spells AS (
          SELECT min(e.left_at) FILTER (WHERE e.to_state = ${state} AND e.from_state IS DISTINCT FROM ${state}) AS registered_at,
                 min(e.left_at) FILTER (WHERE e.from_state = ${state} AND e.to_state IS DISTINCT FROM ${state}) AS exited_at
          FROM case_events e JOIN cases c ON c.city_code = e.city_code AND c.id = e.case_id
          WHERE e.process_id = ${process} AND e.event <> ${MIGRATE_EVENT} AND c.org_path LIKE ${`${path}%`}
          GROUP BY e.city_code, e.case_id)
        SELECT count(*) FILTER (WHERE registered_at < ${end}::timestamptz AND (exited_at IS NULL OR exited_at >= ${end}::timestamptz)) AS stock,
               count(*) FILTER (WHERE registered_at < ${yearBefore}::timestamptz AND (exited_at IS NULL OR exited_at >= ${end}::timestamptz)) AS long_term
        FROM spells`,
  );
  return share(Number(row?.long_term ?? 0), Number(row?.stock ?? 0));
}

function share(numerator: number, denominator: number) {
  return { numerator, denominator, factor: 100, value: ratio(numerator, denominator) };
}

/**
 * 岗位平均招满用时: postings filled in the period (`filledVacancy`), and the average calendar days
 * from their last publication (`publishedVacancy`) to filling.
 */
async function timeToFill(rt: RuntimeContext, path: string, from: string, to: string) {
  const filled = rt.registry.meaning('filledVacancy');
  const published = rt.registry.meaning('publishedVacancy');
  const [row] = await queryRows<{ filled: string | number; days: string | number | null }>(
    rt.db,
    sql`SELECT count(*) AS filled, avg(extract(epoch FROM f.left_at - p.left_at) / 86400) AS days
        FROM case_events f
        JOIN cases c ON c.city_code = f.city_code AND c.id = f.case_id
        JOIN LATERAL (SELECT max(e.left_at) AS left_at FROM case_events e
                      WHERE e.city_code = f.city_code AND e.case_id = f.case_id AND e.to_state = ${published.state} AND e.event <> ${MIGRATE_EVENT}
                        AND e.left_at <= f.left_at) p ON true
        WHERE f.process_id = ${filled.process} AND f.event = ${filled.event} AND c.org_path LIKE ${`${path}%`}
          AND f.left_at >= ${startOf(from)}::timestamptz AND f.left_at < ${endOf(to)}::timestamptz`,
  );
  return fillFigures(row?.filled ?? 0, row?.days);
}

function fillFigures(filled: string | number, days: string | number | null | undefined) {
  return { filled: Number(filled), averageDays: days === null || days === undefined ? null : Math.round(Number(days) * 100) / 100 };
}

/**
 * 培训后就业率: of the persons certified after training in the period (`certified`), those with an
 * employment registration (`employed`) within 6 months (183 days) after their certificate.
 */
async function employmentAfterTraining(rt: RuntimeContext, path: string, from: string, to: string) {
  const certified = rt.registry.meaning('certified');
  const employed = rt.registry.meaning('employed');
  const [row] = await queryRows<{ certified: string | number; employed: string | number }>(
    rt.db,
    sql`SELECT count(*) AS certified,
               count(*) FILTER (WHERE EXISTS (
                 SELECT 1 FROM case_events h JOIN cases hc ON hc.city_code = h.city_code AND hc.id = h.case_id
                 WHERE h.process_id = ${employed.process} AND h.to_state = ${employed.state} AND h.event <> ${MIGRATE_EVENT} AND hc.subject_id = c.subject_id
                   AND h.left_at >= t.left_at AND h.left_at < t.left_at + interval '183 days')) AS employed
        FROM case_events t JOIN cases c ON c.city_code = t.city_code AND c.id = t.case_id
        WHERE t.process_id = ${certified.process} AND t.to_state = ${certified.state} AND t.event = ${certified.event} AND c.org_path LIKE ${`${path}%`}
          AND t.left_at >= ${startOf(from)}::timestamptz AND t.left_at < ${endOf(to)}::timestamptz`,
  );
  return share(Number(row?.employed ?? 0), Number(row?.certified ?? 0));
}

/** The three indicators from the roll-up of migrations 0046 and 0048, kept by triggers from the same records: the same figures. */
async function fromRollUp(rt: RuntimeContext, path: string, from: string, to: string) {
  const sums = await outcomeSums(rt, path, from, to);
  return {
    longTermUnemployedShare: share(sums.longTerm, sums.stock),
    timeToFill: fillFigures(sums.filled, sums.averageDays),
    employmentAfterTraining: share(sums.employed, sums.certified),
  };
}

/**
 * The ministry's outcome indicators that need more than counting records of one process: the
 * long-term unemployed share at the period's end, the average time to fill a posting, and
 * employment within 6 months after training. Each states what it was computed from. A
 * migration's record (from = to = the case's state) is no registration, exit or publication, so
 * none of them reads it; nor is any other record from a state to itself a registration or an exit. They are read from the outcome roll-up while it counts the plugins'
 * meanings (`fromRecords`: from the records always, the same figures).
 */
export async function outcomeIndicators(rt: RuntimeContext, user: SessionUser, query: Omit<IndicatorQuery, 'post' | 'channel'>, options: { fromRecords?: boolean } = {}) {
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const figures =
    !options.fromRecords && (await outcomeRollUpFits(rt))
      ? await fromRollUp(rt, unit.path, query.from, query.to)
      : {
          longTermUnemployedShare: await longTermShare(rt, unit.path, query.to),
          timeToFill: await timeToFill(rt, unit.path, query.from, query.to),
          employmentAfterTraining: await employmentAfterTraining(rt, unit.path, query.from, query.to),
        };
  return { orgUnit: { id: unit.id, name: unit.name }, from: query.from, to: query.to, ...figures };
}
