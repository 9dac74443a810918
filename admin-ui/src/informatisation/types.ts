import type { Answer } from '../../../client/index.ts';

/** The answer of `GET /api/informatisation`. */
export type Assessment = Answer<'/api/informatisation', 'get'>;

/** One target of the annex as measured. */
export type TargetRow = Assessment['targets'][number];

/** 未启动 / 部分达到 / 已达到. */
export type Stage = TargetRow['stage'];

/** What the screen asks for, kept in the hash route so a drill-down is a link and the back button returns. */
export interface AssessmentFilters {
  unit: string;
  period: string;
  reviewDays: number | null;
}

/** The query string of the assessment and of its export. */
export function assessmentQuery(filters: AssessmentFilters): string {
  const query = new URLSearchParams({ unit: filters.unit, period: filters.period });
  if (filters.reviewDays !== null) query.set('reviewDays', String(filters.reviewDays));
  return query.toString();
}

/** The periods offered: this year and last, and the quarters of both, newest first. */
export function periodChoices(year: number): string[] {
  return [year, year - 1].flatMap((y) => [String(y), `${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`]);
}
