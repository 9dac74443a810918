import type { Answer } from '../../../client/index.ts';

/** A province's line of the national supply-demand answer. */
export type ProvinceFigures = Answer<'/api/national/supply-demand', 'get'>[number];

/** What the table shows of a province: its figures as text, whether it answered, and why not. */
export interface MarketCells {
  demand: string;
  supply: string;
  /** `—` also for a province that answered with no job seekers (no ratio to compute). */
  ratio: string;
  answered: boolean;
  /** The error's code of a province that did not answer. */
  error: string | null;
}

/**
 * A province's cells: the figures it answered, or dashes and the error's code when it did not answer
 * (never zeros: a province that said nothing is not a province with no vacancies).
 */
export function marketCells(row: ProvinceFigures): MarketCells {
  const figures = row.figures;
  if (!figures) return { demand: '—', supply: '—', ratio: '—', answered: false, error: row.error ?? 'UNKNOWN' };
  return { demand: String(figures.demand), supply: String(figures.supply), ratio: figures.ratio === null ? '—' : String(figures.ratio), answered: true, error: null };
}
