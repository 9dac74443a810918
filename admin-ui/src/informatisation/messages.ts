import { defineMessages } from '../i18n.ts';

/** The informatisation assessment screen's texts, zh-CN first. */
export const useMessages = defineMessages({
  title: { 'zh-CN': '信息化考核评估', en: 'Informatisation assessment' },
  filters: { 'zh-CN': '考核条件', en: 'Assessment' },
  unit: { 'zh-CN': '考核单位', en: 'Unit' },
  period: { 'zh-CN': '考核期', en: 'Period' },
  reviewDays: { 'zh-CN': '信息采集审核时限（天）', en: 'Days allowed for a review' },
  up: { 'zh-CN': '返回上一级', en: 'Up one level' },
  region: { 'zh-CN': '{province}，{region}：各项目标值 {threshold}%', en: '{province}, {region}: each target {threshold}%' },
  target: { 'zh-CN': '考核项目', en: 'Target' },
  measure: { 'zh-CN': '计量口径', en: 'How it is measured' },
  counted: { 'zh-CN': '分子 / 分母', en: 'Numerator / denominator' },
  value: { 'zh-CN': '数值', en: 'Value' },
  threshold: { 'zh-CN': '目标值', en: 'Threshold' },
  stage: { 'zh-CN': '阶段', en: 'Stage' },
  notStarted: { 'zh-CN': '未启动', en: 'Not started' },
  partial: { 'zh-CN': '部分达到', en: 'Partly reached' },
  reached: { 'zh-CN': '已达到', en: 'Reached' },
  children: { 'zh-CN': '下级单位（点击下钻）', en: 'Units below (select to drill down)' },
  noChildren: { 'zh-CN': '无下级单位', en: 'No units below' },
  exportCsv: { 'zh-CN': '导出 CSV', en: 'Export CSV' },
  exportXlsx: { 'zh-CN': '导出 Excel', en: 'Export Excel' },
  exportFailed: { 'zh-CN': '导出失败：{reason}', en: 'Export failed: {reason}' },
  note: {
    'zh-CN': '各项目标按平台实时数据计量（口径见各行）；阈值按国家统计局东中西部划分，东部 90%、中部 80%、西部 70%（东北按中部）。分子为 0 或无可计数据时记为“未启动”。',
    en: 'Each target is measured from the platform’s live data (see each row); thresholds by the statistics bureau’s regions: east 90 %, central 80 %, west 70 % (the northeast as central). Nothing counted, or a numerator of 0, is “not started”.',
  },
});
