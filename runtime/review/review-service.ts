import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { isUniqueViolation, queryRows, sqlState, type Executor } from '../db/index.ts';
import { auditLog, caseEvents, indicatorApprovals, orgUnits, users } from '../db/schema/index.ts';
import type { FrozenFigures } from '../db/schema/assessment.ts';
import { computeIndicator, indicatorCatalogue } from '../indicators/index.ts';
import { unitInScope } from '../indicators/indicator-service.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { periodEnded, periodRange, type PeriodRange } from './period.ts';
import { figuresVisible } from './figures-visible.ts';
import { lateRecordList, lateRecordsOf, ofPeriod } from './late-records.ts';

/** A review's place in its lifecycle: open (nothing approved yet) -> approved -> accepted. */
export type ReviewStatus = 'open' | 'approved' | 'accepted';

type ApprovalRow = typeof indicatorApprovals.$inferSelect;

/** Every indicator of the catalogue for a unit's subtree over a period, as `computeIndicator` gives it now. */
async function computeAll(rt: RuntimeContext, user: SessionUser, orgUnitId: string, range: PeriodRange): Promise<FrozenFigures> {
  const figures: FrozenFigures = {};
  for (const id of [...indicatorCatalogue(rt).keys()].sort()) {
    const { numerator, denominator, value } = await computeIndicator(rt, user, id, { orgUnitId, from: range.from, to: range.to });
    figures[id] = { numerator, denominator, value };
  }
  return figures;
}

/** The highest performance record id of the period in the subtree: what approval counted (0 with none). */
async function lastRecordOf(db: Executor, path: string, range: PeriodRange): Promise<number> {
  const [row] = await queryRows<{ last: string | number | null }>(
    db,
    sql`SELECT max(${caseEvents.id}) AS last FROM ${caseEvents} JOIN ${orgUnits} ON ${orgUnits.id} = ${caseEvents.orgUnitId}
        WHERE ${ofPeriod(path, range)}`,
  );
  return Number(row?.last ?? 0);
}

async function approvalOf(db: Executor, orgUnitId: string, period: string): Promise<ApprovalRow | undefined> {
  const [row] = await db
    .select()
    .from(indicatorApprovals)
    .where(and(eq(indicatorApprovals.orgUnitId, orgUnitId), eq(indicatorApprovals.period, period)));
  return row;
}

function wrongStep(action: string, status: ReviewStatus, expected: ReviewStatus[]): PlatformError {
  return new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { action, status, expected } });
}

/** For each frozen indicator whose live count moved since approval: live minus frozen. */
function differencesOf(frozen: FrozenFigures, live: FrozenFigures): Record<string, { numerator: number; denominator: number }> {
  const changes: Record<string, { numerator: number; denominator: number }> = {};
  for (const [id, figure] of Object.entries(frozen)) {
    const now = live[id];
    if (!now || (now.numerator === figure.numerator && now.denominator === figure.denominator)) continue;
    changes[id] = { numerator: now.numerator - figure.numerator, denominator: now.denominator - figure.denominator };
  }
  return changes;
}

/** A user as a review names them; null for no one. */
type Who = (id: string | null | undefined) => { id: string; name: string } | null;

/** Names the users among `ids` (one query), for `Who`. */
async function peopleOf(db: Executor, ids: (string | null | undefined)[]): Promise<Who> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const rows = wanted.length === 0 ? [] : await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => (id ? { id, name: names.get(id) ?? '' } : null);
}

/** Where a review stands and who decided it, as the list and the single review both show it. */
function decisionsOf(row: ApprovalRow | undefined, who: Who) {
  return {
    status: row?.status ?? ('open' as ReviewStatus),
    approvedBy: who(row?.approvedBy),
    approvedAt: row?.approvedAt.toISOString() ?? null,
    acceptedBy: who(row?.acceptedBy),
    acceptedAt: row?.acceptedAt?.toISOString() ?? null,
    comment: row?.comment ?? null,
    score: row?.score ?? null,
  };
}

const targetOf = (orgUnitId: string, period: string) => `${orgUnitId}/${period}`;

/**
 * 审核情况 The review of a unit's period: status, who approved and accepted it and when, the
 * evaluator's comment and score, the frozen figures, the same figures computed now (`live`),
 * what moved since approval (`differences`) and `lateRecords`, the performance records of the
 * period written after approval, counted and (the latest `LATE_RECORDS_LISTED`, where the user
 * may see the figures) listed in `lateRecordList`. Figures the user may not see yet are null.
 */
export async function reviewOf(rt: RuntimeContext, user: SessionUser, orgUnitId: string, period: string) {
  const range = periodRange(period);
  const unit = await unitInScope(rt, user, orgUnitId);
  const row = await approvalOf(rt.db, unit.id, period);
  const status: ReviewStatus = row?.status ?? 'open';
  const visible = figuresVisible(user, status);
  const live = visible ? await computeAll(rt, user, unit.id, range) : null;
  const figures = visible && row ? row.figures : null;
  const [commented] = row?.comment
    ? await rt.db
        .select({ actorId: auditLog.actorId, at: auditLog.at })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'review.comment'), eq(auditLog.target, targetOf(unit.id, period))))
        .orderBy(desc(auditLog.id))
        .limit(1)
    : [];
  const who = await peopleOf(rt.db, [row?.approvedBy, row?.acceptedBy, commented?.actorId]);
  const lateRecords = row ? await lateRecordsOf(rt.db, unit.path, range, row.lastRecordId) : 0;
  return {
    orgUnit: { id: unit.id, name: unit.name, kind: unit.kind },
    ...range,
    ...decisionsOf(row, who),
    commentedBy: who(commented?.actorId),
    commentedAt: commented?.at.toISOString() ?? null,
    lastRecordId: row?.lastRecordId ?? null,
    lateRecords,
    // Listed only when there are any: most reviews have none, and the list joins cases and definitions.
    lateRecordList: row && visible && lateRecords > 0 ? await lateRecordList(rt.db, unit.path, range, row.lastRecordId) : [],
    figures,
    live,
    differences: figures && live ? differencesOf(figures, live) : null,
  };
}

/**
 * 审批 The city approves a period that has ended: every indicator of the catalogue is computed
 * for the unit's subtree and frozen with the last performance record counted. Figures and that
 * record id are read from one snapshot (repeatable read), so they agree with each other.
 */
export async function approvePeriod(rt: RuntimeContext, user: SessionUser, orgUnitId: string, period: string) {
  const range = periodRange(period);
  const unit = await unitInScope(rt, user, orgUnitId);
  const now = rt.clock();
  if (!periodEnded(range, now)) {
    const message = { 'zh-CN': '期间尚未结束，不能审批', en: 'The period has not ended; its figures cannot be approved yet' };
    throw new PlatformError('RULE_VIOLATION', { message, details: { violations: [{ rule: 'period-ended', message }], period, endsOn: range.to } });
  }
  try {
    await rt.db.transaction(
      async (tx) => {
        const existing = await approvalOf(tx, unit.id, period);
        if (existing) throw wrongStep('approve', existing.status, ['open']);
        const lastRecordId = await lastRecordOf(tx, unit.path, range);
        const figures = await computeAll({ ...rt, db: tx }, user, unit.id, range);
        await tx.insert(indicatorApprovals).values({ orgUnitId: unit.id, period, status: 'approved', figures, lastRecordId, approvedBy: user.id, approvedAt: now });
        await tx.insert(auditLog).values({ cityCode: unit.cityCode, actorId: user.id, action: 'review.approve', target: targetOf(unit.id, period), details: { lastRecordId }, at: now });
      },
      { isolationLevel: 'repeatable read' },
    );
  } catch (error) {
    // Someone approved the same period at the same moment: the second one finds it taken.
    if (isUniqueViolation(error) || sqlState(error) === '40001') throw wrongStep('approve', 'approved', ['open']);
    throw error;
  }
  return reviewOf(rt, user, unit.id, period);
}

/** 验收 The province accepts figures the city approved; only an approved period can be accepted. */
export async function acceptPeriod(rt: RuntimeContext, user: SessionUser, orgUnitId: string, period: string) {
  periodRange(period);
  const unit = await unitInScope(rt, user, orgUnitId);
  const now = rt.clock();
  await rt.db.transaction(async (tx) => {
    const accepted = await tx
      .update(indicatorApprovals)
      .set({ status: 'accepted', acceptedBy: user.id, acceptedAt: now })
      .where(and(eq(indicatorApprovals.orgUnitId, unit.id), eq(indicatorApprovals.period, period), eq(indicatorApprovals.status, 'approved')))
      .returning({ orgUnitId: indicatorApprovals.orgUnitId });
    if (accepted.length === 0) throw wrongStep('accept', (await approvalOf(tx, unit.id, period))?.status ?? 'open', ['approved']);
    await tx.insert(auditLog).values({ cityCode: unit.cityCode, actorId: user.id, action: 'review.accept', target: targetOf(unit.id, period), details: {}, at: now });
  });
  return reviewOf(rt, user, unit.id, period);
}

/** 评议 An evaluator above the city comments on and scores (0-100) an approved or accepted period; a new comment replaces the last. */
export async function commentPeriod(rt: RuntimeContext, user: SessionUser, orgUnitId: string, period: string, input: { comment: string; score: number }) {
  periodRange(period);
  const unit = await unitInScope(rt, user, orgUnitId);
  const now = rt.clock();
  await rt.db.transaction(async (tx) => {
    const updated = await tx
      .update(indicatorApprovals)
      .set({ comment: input.comment, score: input.score })
      .where(and(eq(indicatorApprovals.orgUnitId, unit.id), eq(indicatorApprovals.period, period)))
      .returning({ orgUnitId: indicatorApprovals.orgUnitId });
    if (updated.length === 0) throw wrongStep('comment', 'open', ['approved', 'accepted']);
    await tx.insert(auditLog).values({ cityCode: unit.cityCode, actorId: user.id, action: 'review.comment', target: targetOf(unit.id, period), details: input, at: now });
  });
  return reviewOf(rt, user, unit.id, period);
}

/**
 * 下级审核情况 A unit's review status and those of its children for one period, e.g. a province's
 * cities: who approved and accepted each and when, the comment and score. Figures appear only
 * where the user may see them (see `figuresVisible`).
 */
export async function listReviews(rt: RuntimeContext, user: SessionUser, orgUnitId: string, period: string) {
  const range = periodRange(period);
  const unit = await unitInScope(rt, user, orgUnitId);
  const children = await rt.db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(eq(orgUnits.parentId, unit.id))
    .orderBy(orgUnits.id);
  const rows = await rt.db
    .select()
    .from(indicatorApprovals)
    .where(and(inArray(indicatorApprovals.orgUnitId, [unit.id, ...children.map((c) => c.id)]), eq(indicatorApprovals.period, period)));
  const byUnit = new Map(rows.map((r) => [r.orgUnitId, r]));
  const who = await peopleOf(rt.db, rows.flatMap((r) => [r.approvedBy, r.acceptedBy]));
  const summary = (u: { id: string; name: string; kind: string }) => {
    const row = byUnit.get(u.id);
    const decisions = decisionsOf(row, who);
    return {
      orgUnit: { id: u.id, name: u.name, kind: u.kind },
      ...decisions,
      figures: row && figuresVisible(user, decisions.status) ? row.figures : null,
    };
  };
  return { ...range, ...summary(unit), items: children.map(summary) };
}
