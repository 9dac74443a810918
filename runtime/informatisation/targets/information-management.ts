import { sql } from 'drizzle-orm';
import { below, instant, share, type Target } from './target.ts';

/**
 * 信息管理: real-name records kept complete. Persons registered in the subtree by the period's end
 * count complete with a phone, a household registration area and a residence area; employers
 * with a legal representative and a date of establishment.
 */
export const informationManagement: Target = {
  id: 'informationManagement',
  title: { 'zh-CN': '信息管理', en: 'Information management' },
  measure: {
    'zh-CN': '期末前在本辖区实名登记的人员（须有手机号、户籍地、居住地）和用人单位（须有法定代表人、成立日期）中信息完整的比例',
    en: 'Share of persons (phone, household registration and residence areas) and employers (legal representative, date of establishment) registered in the subtree by the period’s end whose record is complete',
  },
  count: (scope) =>
    share(
      scope,
      sql`WITH records AS (
            SELECT (p.phone IS NOT NULL AND p.hukou_area IS NOT NULL AND p.residence_area IS NOT NULL) AS complete
            FROM persons p JOIN org_units o ON o.id = p.org_unit_id
            WHERE o.path LIKE ${below(scope)} AND p.created_at < ${instant(scope.until)}
            UNION ALL
            SELECT (m.legal_rep_id_number IS NOT NULL AND m.established_on IS NOT NULL)
            FROM employers m JOIN org_units o ON o.id = m.org_unit_id
            WHERE o.path LIKE ${below(scope)} AND m.created_at < ${instant(scope.until)})
          SELECT count(*) AS denominator, count(*) FILTER (WHERE complete) AS numerator FROM records`,
    ),
};
