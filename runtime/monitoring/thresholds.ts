import { inArray, sql } from 'drizzle-orm';
import { PlatformError, type LocalizedText } from '../../engine/index.ts';
import type { SessionUser } from '../auth/index.ts';
import { auditLog, warningThresholds } from '../db/schema/index.ts';
import { unitInScope } from '../indicators/indicator-service.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { warningRule, warningRules, type WarningRule, type WarningRuleId } from './warning-rules.ts';

/** The threshold a rule applies at an org unit, and which level set it (null: the ministry default). */
export interface ThresholdInForce {
  rule: WarningRuleId;
  threshold: number;
  setAt: string | null;
}

/**
 * The thresholds in force at each of the given org units: per rule, the value set at the
 * nearest level on the unit's path (the unit itself, then its parent, … up to the ministry),
 * else the ministry default from {@link warningRules}. One query for all the units.
 */
export async function thresholdsAt(rt: RuntimeContext, units: readonly { id: string; path: string }[]): Promise<Map<string, ThresholdInForce[]>> {
  const paths = new Map(units.map((u) => [u.id, u.path.split('/').filter(Boolean)]));
  const ids = [...new Set([...paths.values()].flat())];
  const set = ids.length === 0 ? [] : await rt.db.select().from(warningThresholds).where(inArray(warningThresholds.orgUnitId, ids));
  const byUnit = new Map(set.map((row) => [`${row.orgUnitId} ${row.rule}`, row.threshold]));
  const result = new Map<string, ThresholdInForce[]>();
  for (const [unitId, path] of paths) {
    result.set(
      unitId,
      warningRules.map((rule) => {
        const level = [...path].reverse().find((id) => byUnit.has(`${id} ${rule.id}`));
        return level === undefined ? { rule: rule.id, threshold: rule.defaultThreshold, setAt: null } : { rule: rule.id, threshold: byUnit.get(`${level} ${rule.id}`)!, setAt: level };
      }),
    );
  }
  return result;
}

/** The refusal of a threshold outside a rule's ministry bounds, naming them as a person reads the rule (a percentage, or a ratio: 10 as 0.10 倍). */
function boundsMessage(rule: WarningRule): LocalizedText {
  if (rule.shownAs === 'ratio') {
    const [min, max] = [rule.min, rule.max].map((n) => (n / 100).toFixed(2));
    return {
      'zh-CN': `「${rule.title['zh-CN']}」的阈值须在部级规定的 ${min} 倍至 ${max} 倍（${rule.min}% 至 ${rule.max}%）之间`,
      en: `The threshold of "${rule.title.en}" must lie within the ministry's bounds, ${min} to ${max} (${rule.min}% to ${rule.max}%)`,
    };
  }
  return {
    'zh-CN': `「${rule.title['zh-CN']}」的阈值须在部级规定的 ${rule.min}% 至 ${rule.max}% 之间`,
    en: `The threshold of "${rule.title.en}" must lie within the ministry's bounds, ${rule.min}% to ${rule.max}%`,
  };
}

/** The thresholds in force at an org unit in the user's scope, with each rule's default and bounds. */
export async function thresholdsInForce(rt: RuntimeContext, user: SessionUser, orgUnitId: string) {
  const unit = await unitInScope(rt, user, orgUnitId);
  const inForce = (await thresholdsAt(rt, [unit])).get(unit.id)!;
  return {
    orgUnit: { id: unit.id, name: unit.name },
    rules: inForce.map((t) => {
      const rule = warningRule(t.rule)!;
      return { ...t, title: rule.title, shownAs: rule.shownAs, defaultThreshold: rule.defaultThreshold, min: rule.min, max: rule.max };
    }),
  };
}

/**
 * Sets an org unit's threshold for a rule (设置预警阈值), overriding the levels above for the
 * unit and everything below that sets none of its own. A configurator sets it for their own
 * unit (the default) or one below; the value must lie within the rule's ministry bounds
 * (PARAMETER_OUT_OF_BOUNDS otherwise, naming them in the rule's unit). Audited.
 */
export async function setThreshold(rt: RuntimeContext, user: SessionUser, input: { orgUnit?: string | undefined; rule: string; threshold: number }) {
  const rule = warningRule(input.rule);
  if (!rule) throw new PlatformError('BAD_REQUEST', { details: { rule: input.rule, rules: warningRules.map((r) => r.id) } });
  if (!Number.isFinite(input.threshold) || input.threshold < rule.min || input.threshold > rule.max) {
    throw new PlatformError('PARAMETER_OUT_OF_BOUNDS', { message: boundsMessage(rule), details: { rule: rule.id, threshold: input.threshold, min: rule.min, max: rule.max } });
  }
  const unit = await unitInScope(rt, user, input.orgUnit ?? user.orgUnit.id);
  const now = rt.clock();
  await rt.db.transaction(async (tx) => {
    await tx
      .insert(warningThresholds)
      .values({ orgUnitId: unit.id, rule: rule.id, threshold: input.threshold, updatedBy: user.id, updatedAt: now })
      .onConflictDoUpdate({ target: [warningThresholds.orgUnitId, warningThresholds.rule], set: { threshold: sql`excluded.threshold`, updatedBy: user.id, updatedAt: now } });
    await tx.insert(auditLog).values({ cityCode: unit.cityCode, actorId: user.id, action: 'warning-threshold.set', target: `${unit.id}/${rule.id}`, details: { threshold: input.threshold }, at: now });
  });
  return thresholdsInForce(rt, user, unit.id);
}
