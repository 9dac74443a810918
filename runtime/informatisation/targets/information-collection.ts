import { collectionSources } from './collection-sources.ts';
import type { Target } from './target.ts';

/**
 * 信息采集 (有信息、有审核、即入库): records collected in the period, from every source, and how many
 * a reviewer checked within the allowed days (`reviewDays`).
 */
export const informationCollection: Target = {
  id: 'informationCollection',
  title: { 'zh-CN': '信息采集', en: 'Information collection' },
  measure: {
    'zh-CN': '期内本辖区采集（受理）的须审核记录中，在规定天数内经审核人员审核的比例；尚在规定天数内未审核的不计入',
    en: 'Share of the records needing review collected (opened) in the subtree in the period that a reviewer checked within the allowed days; records still within their days and not yet reviewed are left out',
  },
  async count(scope) {
    const counts = await Promise.all(collectionSources.map((source) => source(scope)));
    return {
      numerator: counts.reduce((sum, c) => sum + c.reviewedInTime, 0),
      denominator: counts.reduce((sum, c) => sum + c.collected, 0),
    };
  },
};
