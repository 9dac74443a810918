import { cohortReaching, type Target } from './target.ts';

/**
 * 信息发布: vacancies registered in the period that were published, by the process and state a
 * package declares as a published vacancy (`publishedVacancy`).
 */
export const informationRelease: Target = {
  id: 'informationRelease',
  title: { 'zh-CN': '信息发布', en: 'Information release' },
  measure: {
    'zh-CN': '期内在本辖区登记的岗位信息中已审核发布的比例',
    en: 'Share of the vacancies registered in the subtree in the period that have been reviewed and published',
  },
  count: (scope) => {
    const { process, state } = scope.rt.registry.meaning('publishedVacancy');
    return cohortReaching(scope, process, state!);
  },
};
