import { sql } from 'drizzle-orm';
import { below, instant, share, type Target } from './target.ts';

/**
 * 对象覆盖: the real-name registry reached by the processes. Persons and employers registered in the
 * subtree by the period's end, and how many of them are the subject of a case opened by then.
 */
export const subjectCoverage: Target = {
  id: 'subjectCoverage',
  title: { 'zh-CN': '对象覆盖', en: 'Subject coverage' },
  measure: {
    'zh-CN': '期末前在本辖区实名登记的人员和用人单位中，已作为服务对象办理过业务的比例',
    en: 'Share of the persons and employers registered in the subtree by the period’s end who are the subject of a case opened by then',
  },
  count: (scope) =>
    share(
      scope,
      sql`WITH subjects AS (
            SELECT 'person' AS type, p.city_code, p.id FROM persons p JOIN org_units o ON o.id = p.org_unit_id
            WHERE o.path LIKE ${below(scope)} AND p.created_at < ${instant(scope.until)}
            UNION ALL
            SELECT 'employer', m.city_code, m.id FROM employers m JOIN org_units o ON o.id = m.org_unit_id
            WHERE o.path LIKE ${below(scope)} AND m.created_at < ${instant(scope.until)})
          SELECT count(*) AS denominator,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cases c WHERE c.city_code = s.city_code AND c.subject_type = s.type
              AND c.subject_id = s.id AND c.created_at < ${instant(scope.until)})) AS numerator
          FROM subjects s`,
    ),
};
