import { sql } from 'drizzle-orm';
import { below, instant, share, type Target } from './target.ts';

/**
 * 业务管理: the work is managed in the system against its deadlines. Steps taken by people in the
 * subtree in the period on a task with a deadline, and how many met it (as judged again once
 * their year's holiday schedule came in, else as recorded).
 */
export const businessManagement: Target = {
  id: 'businessManagement',
  title: { 'zh-CN': '业务管理', en: 'Business management' },
  measure: {
    'zh-CN': '期内本辖区办结的有时限环节中按时办结（未超过工作日时限）的比例',
    en: 'Share of the steps with a deadline taken in the subtree in the period that met their deadline (working days)',
  },
  count: (scope) =>
    share(
      scope,
      sql`SELECT count(*) AS denominator, count(*) FILTER (WHERE coalesce(r.on_time, e.on_time)) AS numerator
          FROM case_events e JOIN org_units w ON w.id = e.org_unit_id
            LEFT JOIN record_revisions r ON r.city_code = e.city_code AND r.case_event_id = e.id
          WHERE w.path LIKE ${below(scope)} AND e.left_at >= ${instant(scope.from)} AND e.left_at < ${instant(scope.until)}
            AND e.due_at IS NOT NULL AND e.actor_role <> 'system'`,
    ),
};
