import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { alerts, auditLog, orgUnits, users } from '../db/schema/index.ts';
import { unitInScope } from '../indicators/indicator-service.ts';
import type { RuntimeContext } from '../runtime-context.ts';

type AlertStatus = (typeof alerts.$inferSelect)['status'];

/**
 * The alert lifecycle (预警处置): active -> acknowledged (签收) -> resolved (办结), each step
 * with who and when, for alerts of org units in the user's scope (who may act: `monitoring.alerts`).
 */
const steps = {
  acknowledge: { from: 'active', to: 'acknowledged' },
  resolve: { from: 'acknowledged', to: 'resolved' },
} as const satisfies Record<string, { from: AlertStatus; to: AlertStatus }>;

const acknowledger = alias(users, 'acknowledger');
const resolver = alias(users, 'resolver');

/** Alerts matching a condition, with the unit's name and who acknowledged and resolved them; newest first. */
export async function alertViews(rt: RuntimeContext, where: SQL, page?: { limit: number; offset: number }) {
  const query = rt.db
    .select({ alert: alerts, unitName: orgUnits.name, acknowledgedByName: acknowledger.displayName, resolvedByName: resolver.displayName })
    .from(alerts)
    .innerJoin(orgUnits, eq(orgUnits.id, alerts.orgUnitId))
    .leftJoin(acknowledger, eq(acknowledger.id, alerts.acknowledgedBy))
    .leftJoin(resolver, eq(resolver.id, alerts.resolvedBy))
    .where(where)
    .orderBy(desc(alerts.period), asc(alerts.orgUnitId), asc(alerts.rule));
  const rows = page ? await query.limit(page.limit).offset(page.offset) : await query;
  return rows.map(({ alert: a, unitName, acknowledgedByName, resolvedByName }) => ({
    id: a.id,
    orgUnit: { id: a.orgUnitId, name: unitName },
    rule: a.rule,
    period: a.period,
    value: a.value,
    threshold: a.threshold,
    status: a.status,
    raisedAt: a.raisedAt.toISOString(),
    acknowledged: a.acknowledgedBy && a.acknowledgedAt ? { by: { id: a.acknowledgedBy, name: acknowledgedByName ?? '' }, at: a.acknowledgedAt.toISOString() } : null,
    resolved: a.resolvedBy && a.resolvedAt ? { by: { id: a.resolvedBy, name: resolvedByName ?? '' }, at: a.resolvedAt.toISOString() } : null,
    note: a.note,
  }));
}

/** The alerts of an org unit's subtree, optionally of one status and one period (`YYYY-Qn`). */
export async function listAlerts(
  rt: RuntimeContext,
  user: SessionUser,
  query: { orgUnitId: string; status?: AlertStatus | undefined; period?: string | undefined; page: number; pageSize: number },
) {
  const unit = await unitInScope(rt, user, query.orgUnitId);
  const conditions = [sql`${orgUnits.path} LIKE ${`${unit.path}%`}`];
  if (query.status) conditions.push(eq(alerts.status, query.status));
  if (query.period) conditions.push(eq(alerts.period, query.period));
  const where = and(...conditions)!;
  const [total] = await rt.db.select({ n: count() }).from(alerts).innerJoin(orgUnits, eq(orgUnits.id, alerts.orgUnitId)).where(where);
  const items = await alertViews(rt, where, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return { items, total: total?.n ?? 0 };
}

/**
 * Takes the next lifecycle step of an alert in the user's scope, recording who and when. The
 * note (optional when acknowledging, required when resolving) becomes the alert's note (the
 * latest one given: the resolution's, once resolved); every step and its note is also in the
 * audit log (`alert.acknowledge`, `alert.resolve`). A step out of order (resolving an active alert, acknowledging twice) is
 * TRANSITION_NOT_AVAILABLE; the status is changed only if it is still the expected one, so two
 * people acting at once cannot both succeed.
 */
export async function stepAlert(rt: RuntimeContext, user: SessionUser, id: string, action: keyof typeof steps, note?: string | undefined) {
  const [found] = await rt.db
    .select({ status: alerts.status, path: orgUnits.path, cityCode: orgUnits.cityCode })
    .from(alerts)
    .innerJoin(orgUnits, eq(orgUnits.id, alerts.orgUnitId))
    .where(eq(alerts.id, id))
    .limit(1);
  if (!found || !found.path.startsWith(user.orgUnit.path)) throw new PlatformError('NOT_FOUND', { details: { alert: id } });
  const { from, to } = steps[action];
  const now = rt.clock();
  const who = action === 'acknowledge' ? { acknowledgedBy: user.id, acknowledgedAt: now } : { resolvedBy: user.id, resolvedAt: now };
  const changed = await rt.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(alerts)
      .set({ status: to, ...who, ...(note ? { note } : {}) })
      .where(and(eq(alerts.id, id), eq(alerts.status, from)))
      .returning({ id: alerts.id });
    if (updated) await tx.insert(auditLog).values({ cityCode: found.cityCode, actorId: user.id, action: `alert.${action}`, target: id, details: { from, to, note: note ?? null }, at: now });
    return updated !== undefined;
  });
  if (!changed) {
    const [current] = await rt.db.select({ status: alerts.status }).from(alerts).where(eq(alerts.id, id));
    throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { alert: id, action, status: current?.status ?? found.status, requires: from } });
  }
  const [view] = await alertViews(rt, eq(alerts.id, id));
  return view!;
}
