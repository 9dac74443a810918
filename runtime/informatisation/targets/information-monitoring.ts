import { PlatformError } from '../../../engine/index.ts';
import { cohortReaching, type Target } from './target.ts';

/**
 * 信息监测: the labour force survey feeding the monitoring. Survey cases planned in the subtree in
 * the period, and how many were recorded (verified into the statistics), by the state a package
 * declares as `surveyRecorded`. Without such a package the target has not started.
 */
export const informationMonitoring: Target = {
  id: 'informationMonitoring',
  title: { 'zh-CN': '信息监测', en: 'Information monitoring' },
  measure: {
    'zh-CN': '期内本辖区布置的劳动力资源调查中已采集并核实入库的比例',
    en: 'Share of the labour force survey cases planned in the subtree in the period that were collected, verified and recorded',
  },
  async count(scope) {
    try {
      const { process, state } = scope.rt.registry.meaning('surveyRecorded');
      return await cohortReaching(scope, process, state!);
    } catch (error) {
      if (error instanceof PlatformError && error.code === 'PROCESS_NOT_FOUND') {
        return { notStarted: { 'zh-CN': '未安装劳动力资源调查业务包', en: 'No labour force survey package is installed' } };
      }
      throw error;
    }
  },
};
