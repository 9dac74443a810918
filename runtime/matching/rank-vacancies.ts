/**
 * Vacancies ranked for a job seeker by the shared fit rules (`fit-rules.ts`): best fit first,
 * then the later end of validity.
 */
import { assessFit, byFit, type Fit, type SeekerProfile, type VacancySummary } from './fit-rules.ts';

export { occupationMatch, payFits, regionMatch, type OccupationMatch, type RegionMatch, type SeekerProfile, type VacancySummary } from './fit-rules.ts';

/** A vacancy that matches, with why and how it ranks. */
export interface VacancyMatch extends Fit {
  vacancy: VacancySummary;
}

function byRank(a: VacancyMatch, b: VacancyMatch): number {
  return byFit(a, b) || b.vacancy.validUntil.localeCompare(a.vacancy.validUntil) || a.vacancy.caseNo.localeCompare(b.vacancy.caseNo);
}

/**
 * The vacancies that match a seeker, best first: higher score, then more of pay, education and
 * availability fitting, then the later end of validity (case number last, so the order is total).
 * Vacancies whose validity ended before `today` (`YYYY-MM-DD`) are left out even if their expiry
 * has not run yet.
 */
export function rankVacancies(seeker: SeekerProfile, vacancies: readonly VacancySummary[], today: string): VacancyMatch[] {
  return vacancies
    .filter((vacancy) => vacancy.validUntil >= today)
    .flatMap((vacancy) => {
      const fit = assessFit(seeker, vacancy);
      return fit ? [{ vacancy, ...fit }] : [];
    })
    .sort(byRank);
}
