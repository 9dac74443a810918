import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/index.ts';
import { processesInForce } from '../../plugins/index.ts';
import { below, instant, type Target } from './target.ts';

/**
 * 服务功能: the standard processes in force at the unit, and how many of them were used in its
 * subtree in the period (a step of one of their cases taken by a person).
 */
export const serviceFunctions: Target = {
  id: 'serviceFunctions',
  title: { 'zh-CN': '服务功能', en: 'Service functions' },
  measure: {
    'zh-CN': '本级在用的部颁标准业务流程中，期内在本辖区有办件（办理过环节）的比例',
    en: 'Share of the ministry’s standard processes in force at the unit with a case step taken in the subtree in the period',
  },
  async count(scope) {
    const inForce = new Set((await processesInForce(scope.rt.db, scope.unit.path)).map((p) => p.processId));
    const used = await queryRows<{ process_id: string }>(
      scope.rt.db,
      sql`SELECT DISTINCT e.process_id FROM case_events e JOIN org_units w ON w.id = e.org_unit_id
          WHERE w.path LIKE ${below(scope)} AND e.left_at >= ${instant(scope.from)} AND e.left_at < ${instant(scope.until)} AND e.actor_role <> 'system'`,
    );
    return { numerator: used.filter((u) => inForce.has(u.process_id)).length, denominator: inForce.size };
  },
};
