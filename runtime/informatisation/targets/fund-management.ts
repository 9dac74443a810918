import { sql } from 'drizzle-orm';
import { below, instant, share, type Target } from './target.ts';

/**
 * 经费管理: money paid through the system and reconciled with the bank. Ledger items approved in the
 * period by cases in the subtree, and how many have a payment the bank's file confirmed (reconciled).
 */
export const fundManagement: Target = {
  id: 'fundManagement',
  title: { 'zh-CN': '经费管理', en: 'Fund management' },
  measure: {
    'zh-CN': '期内本辖区核准的资金发放项目中，已通过拨付批次发放并经银行对账确认的比例',
    en: 'Share of the payable items approved in the subtree in the period that were paid in a batch and confirmed by the bank’s reconciliation',
  },
  count: (scope) =>
    share(
      scope,
      sql`SELECT count(*) AS denominator,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM payments p WHERE p.city_code = i.city_code AND p.item_id = i.id AND p.status = 'reconciled')) AS numerator
          FROM ledger_items i JOIN cases c ON c.city_code = i.city_code AND c.id = i.case_id
          WHERE c.org_path LIKE ${below(scope)} AND i.approved_at >= ${instant(scope.from)} AND i.approved_at < ${instant(scope.until)}`,
    ),
};
