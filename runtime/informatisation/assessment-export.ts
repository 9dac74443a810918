import type { SessionUser } from '../auth/index.ts';
import { toCsv, toXlsx, XLSX_TYPE, type Cell } from '../exports/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { assessInformatisation, type AssessmentQuery, type Stage } from './assessment.ts';

const STAGE_LABELS: Record<Stage, string> = { notStarted: '未启动 not started', partial: '部分达到 partly reached', reached: '已达到 reached' };

const HEADER: Cell[] = [
  '单位 Unit',
  '考核期 Period',
  '地区 Region',
  '目标 Target',
  '计量口径 Measure',
  '分子 Numerator',
  '分母 Denominator',
  '数值 Value (%)',
  '目标值 Threshold (%)',
  '阶段 Stage',
  '说明 Note',
];

/** The assessment as a table: a header, then one row per target with the figures of the JSON answer. */
export function assessmentTable(result: Awaited<ReturnType<typeof assessInformatisation>>): Cell[][] {
  return [
    HEADER,
    ...result.targets.map((t): Cell[] => [
      `${result.unit.name} (${result.unit.id})`,
      `${result.period.id} (${result.period.from} – ${result.period.to})`,
      result.regionName['zh-CN'],
      `${t.title['zh-CN']} ${t.title.en}`,
      t.measure['zh-CN'],
      t.numerator,
      t.denominator,
      t.value,
      t.threshold,
      STAGE_LABELS[t.stage],
      t.note ? t.note['zh-CN'] : null,
    ]),
  ];
}

/** The assessment as CSV (UTF-8 with BOM, for Excel) or XLSX; every text cell neutralised against formulas. */
export async function exportAssessment(rt: RuntimeContext, user: SessionUser, query: AssessmentQuery, format: 'csv' | 'xlsx') {
  const result = await assessInformatisation(rt, user, query);
  const table = assessmentTable(result);
  const base = `informatisation_${result.unit.id}_${result.period.id}`.replace(/[^\w.-]/g, '_');
  if (format === 'csv') return { body: toCsv(table, { forPeople: true }), contentType: 'text/csv; charset=utf-8', fileName: `${base}.csv` };
  return { body: await toXlsx('信息化考核 Assessment', table), contentType: XLSX_TYPE, fileName: `${base}.xlsx` };
}
