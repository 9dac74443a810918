import { sql } from 'drizzle-orm';
import { MIGRATE_EVENT } from '../../engine/index.ts';
import { queryRows } from '../db/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/**
 * Registrations and exits of one China month (and, when grouped, one child org unit): how
 * many, and for exits, the reason and the total days registered before leaving.
 */
export interface FlowRow {
  /** The child org unit the cases belong to ('' for cases held at the unit itself); '' when not grouped. */
  key: string;
  month: string;
  kind: 'in' | 'out';
  /** The exit's `cancellationReason`; null for registrations. */
  reason: string | null;
  count: number;
  /** Sum over the exits of the China calendar days from the registration step to the exit. */
  days: number;
}

/**
 * Reads the unemployment flows of an org unit's subtree from the performance records
 * (`case_events`) of the process and state a package declares as `registeredUnemployed`, never
 * from the persons' current status:
 * - inflow (登记失业): a step into that state from another state;
 * - outflow (注销): a step from that state to another, with the reason in its event data;
 * - duration: China days between the last registration step of the case and the exit (a
 *   migration's record, or a step from that state back to it such as a recorded contact, is no
 *   registration).
 * Cases count where they are held (`cases.org_path`). Every record before `before` is read, so
 * the stock at any month end is the running sum of inflow minus outflow.
 */
export async function flowRows(rt: RuntimeContext, unitPath: string, before: Date, byChild: boolean): Promise<FlowRow[]> {
  const { process, state } = rt.registry.meaning('registeredUnemployed');
  const key = byChild ? sql`split_part(substr(c.org_path, ${unitPath.length + 1}), '/', 1)` : sql`''`;
  const rows = await queryRows<{ key: string; month: string; kind: 'in' | 'out'; reason: string | null; n: string | number; days: string | number | null }>(
    rt.db,
    sql`SELECT ${key} AS key,
          to_char(e.left_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
          CASE WHEN e.to_state = ${state} THEN 'in' ELSE 'out' END AS kind,
          CASE WHEN e.to_state = ${state} THEN NULL ELSE coalesce(e.data->>'cancellationReason', 'unknown') END AS reason,
          count(*) AS n,
          sum((e.left_at AT TIME ZONE 'Asia/Shanghai')::date - (r.registered_at AT TIME ZONE 'Asia/Shanghai')::date) AS days
        FROM case_events e
        JOIN cases c ON c.city_code = e.city_code AND c.id = e.case_id
        LEFT JOIN LATERAL (
          SELECT max(p.left_at) AS registered_at FROM case_events p
          WHERE e.from_state = ${state} AND p.city_code = e.city_code AND p.case_id = e.case_id AND p.seq < e.seq AND p.to_state = ${state}
            AND p.from_state IS DISTINCT FROM ${state} AND p.event <> ${MIGRATE_EVENT}
        ) r ON true
        WHERE e.process_id = ${process}
          AND ((e.to_state = ${state} AND e.from_state IS DISTINCT FROM ${state}) OR (e.from_state = ${state} AND e.to_state <> ${state}))
          AND c.org_path LIKE ${`${unitPath}%`}
          AND e.left_at < ${before.toISOString()}::timestamptz
        GROUP BY 1, 2, 3, 4
        ORDER BY 1, 2, 3, 4`,
  );
  return rows.map((r) => ({ key: r.key, month: r.month, kind: r.kind, reason: r.reason, count: Number(r.n), days: Number(r.days ?? 0) }));
}

/** Stock, flows and duration of a set of flow rows over a span of months. */
export interface Tally {
  inflow: number;
  outflow: number;
  /** Exits per cancellation reason. */
  outflowByReason: Record<string, number>;
  /** Registered unemployed at the end of the span: every registration minus every exit up to then. */
  stock: number;
  /** Mean China days from registration to exit of the span's exits; null without exits. */
  averageDurationDays: number | null;
}

/** Tallies rows for the months `from`..`to` (inclusive); the stock counts everything up to `to`. */
export function tally(rows: readonly FlowRow[], from: string, to: string): Tally {
  let inflow = 0;
  let outflow = 0;
  let stock = 0;
  let days = 0;
  const outflowByReason: Record<string, number> = {};
  for (const row of rows) {
    if (row.month > to) continue;
    stock += row.kind === 'in' ? row.count : -row.count;
    if (row.month < from) continue;
    if (row.kind === 'in') {
      inflow += row.count;
    } else {
      outflow += row.count;
      days += row.days;
      outflowByReason[row.reason!] = (outflowByReason[row.reason!] ?? 0) + row.count;
    }
  }
  return { inflow, outflow, outflowByReason, stock, averageDurationDays: outflow === 0 ? null : Math.round((days / outflow) * 100) / 100 };
}
