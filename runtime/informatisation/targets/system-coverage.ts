import { sql } from 'drizzle-orm';
import { below, instant, share, type Target } from './target.ts';

/**
 * 系统覆盖: the share of districts, streets and communities in the subtree (the unit itself when it
 * is one) where the system was used: a person at the unit, or at an office directly under it,
 * took a step of a case in the period. Steps the system took (timers) do not count.
 */
export const systemCoverage: Target = {
  id: 'systemCoverage',
  title: { 'zh-CN': '系统覆盖', en: 'System coverage' },
  measure: {
    'zh-CN': '区县、街道、社区中，本级或其直属服务机构在期内经办过业务（办理过环节）的比例',
    en: 'Share of districts, streets and communities whose own staff or offices directly under them took a step of a case in the period',
  },
  count: (scope) =>
    share(
      scope,
      sql`WITH used AS (
            SELECT DISTINCT CASE WHEN w.kind = 'office' THEN w.parent_id ELSE w.id END AS unit_id
            FROM case_events e JOIN org_units w ON w.id = e.org_unit_id
            WHERE w.path LIKE ${below(scope)} AND e.left_at >= ${instant(scope.from)} AND e.left_at < ${instant(scope.until)} AND e.actor_role <> 'system')
          SELECT count(*) AS denominator, count(used.unit_id) AS numerator
          FROM org_units u LEFT JOIN used ON used.unit_id = u.id
          WHERE u.path LIKE ${below(scope)} AND u.kind IN ('district', 'street', 'community')`,
    ),
};
