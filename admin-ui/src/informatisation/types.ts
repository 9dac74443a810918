import type { Localized } from '../api.ts';

/** 未启动 / 部分达到 / 已达到, as `GET /api/informatisation` answers. */
export type Stage = 'notStarted' | 'partial' | 'reached';

/** One target of the annex as measured (`InformatisationAssessment.targets[]`). */
export interface TargetRow {
  id: string;
  title: Localized;
  measure: Localized;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  threshold: number;
  stage: Stage;
  note: Localized | null;
}

/** A unit of the answer: the one assessed or one to drill into. */
export interface AssessedUnit {
  id: string;
  name: string;
  kind: string;
}

/** The answer of `GET /api/informatisation` (OpenAPI `InformatisationAssessment`). */
export interface Assessment {
  unit: AssessedUnit & { parentId: string | null };
  province: { id: string; name: string };
  region: 'east' | 'central' | 'west' | 'northeast';
  regionName: Localized;
  period: { id: string; from: string; to: string };
  reviewDays: number;
  targets: TargetRow[];
  children: AssessedUnit[];
}

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
