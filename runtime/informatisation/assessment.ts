import { and, asc, eq, ne } from 'drizzle-orm';
import type { LocalizedText } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { orgUnits } from '../db/schema/index.ts';
import { unitInScope } from '../indicators/indicator-service.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { parsePeriod } from './period.ts';
import { regionOf } from './regions.ts';
import { targets, type TargetCount } from './targets/index.ts';

/** 未启动 / 部分达到 / 已达到: nothing counted yet, below the region's threshold, at or above it. */
export type Stage = 'notStarted' | 'partial' | 'reached';

/** 信息采集's allowed days for a review: the default, and the bounds a request may ask within. */
export const REVIEW_DAYS = { default: 5, min: 1, max: 30 } as const;

/** What an evaluator asks: an org unit (a province or below) and a period, and the days allowed for a review. */
export interface AssessmentQuery {
  unit: string;
  period: string;
  reviewDays?: number | undefined;
}

/** The stage a count reaches against the threshold (percent). */
function stageOf(count: TargetCount, threshold: number): { value: number | null; stage: Stage } {
  if ('notStarted' in count || count.denominator === 0 || count.numerator === 0) {
    return { value: 'notStarted' in count || count.denominator === 0 ? null : 0, stage: 'notStarted' };
  }
  const value = Math.round((count.numerator / count.denominator) * 10000) / 100;
  return { value, stage: value >= threshold ? 'reached' : 'partial' };
}

/**
 * 信息化考核评估: the ten targets of the annex for an org unit's subtree and a period, each with its
 * numerator, denominator, value (percent), the threshold of the unit's region and the stage
 * reached; and the units one level down, to drill into.
 */
export async function assessInformatisation(rt: RuntimeContext, user: SessionUser, query: AssessmentQuery) {
  const period = parsePeriod(query.period);
  const unit = await unitInScope(rt, user, query.unit);
  const region = regionOf(unit.path);
  const reviewDays = query.reviewDays ?? REVIEW_DAYS.default;
  const scope = { rt, unit, from: period.start, until: period.end, reviewDays };
  const rows: {
    id: string;
    title: LocalizedText;
    measure: LocalizedText;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
    threshold: number;
    stage: Stage;
    note: LocalizedText | null;
  }[] = [];
  for (const target of targets) {
    const count = await target.count(scope);
    const counted = 'notStarted' in count ? { numerator: null, denominator: null, note: count.notStarted } : { ...count, note: null };
    rows.push({ id: target.id, title: target.title, measure: target.measure, ...counted, ...stageOf(count, region.threshold), threshold: region.threshold });
  }
  const children = await rt.db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, unit.id), ne(orgUnits.kind, 'office')))
    .orderBy(asc(orgUnits.id));
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId },
    province: region.province,
    region: region.region,
    regionName: region.name,
    period: { id: period.id, from: period.from, to: period.to },
    reviewDays,
    targets: rows,
    children,
  };
}
