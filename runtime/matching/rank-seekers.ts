/**
 * Job seekers ranked for a vacancy by the same fit rules (`fit-rules.ts`) as vacancies are for a
 * seeker: best fit first, then whoever can start earliest.
 */
import { assessFit, byFit, type Fit, type SeekerProfile, type VacancySummary } from './fit-rules.ts';

/** A job seeker's active registration as matching needs it. */
export interface SeekerSummary extends SeekerProfile {
  /** The job-seeking case. */
  caseNo: string;
  /** Last day of the registration's validity, `YYYY-MM-DD`. */
  validUntil: string;
}

/** A seeker who matches, with why and how they rank. */
export interface SeekerMatch extends Fit {
  seeker: SeekerSummary;
}

function byRank(a: SeekerMatch, b: SeekerMatch): number {
  return byFit(a, b) || (a.seeker.availableFrom ?? '').localeCompare(b.seeker.availableFrom ?? '') || a.seeker.caseNo.localeCompare(b.seeker.caseNo);
}

/**
 * The seekers who match a vacancy, best first: higher score, then more of pay, education and
 * availability fitting, then the earlier start (case number last, so the order is total).
 * Registrations whose validity ended before `today` (`YYYY-MM-DD`) are left out even if their
 * expiry has not run yet.
 */
export function rankSeekers(vacancy: VacancySummary, seekers: readonly SeekerSummary[], today: string): SeekerMatch[] {
  return seekers
    .filter((seeker) => seeker.validUntil >= today)
    .flatMap((seeker) => {
      const fit = assessFit(seeker, vacancy);
      return fit ? [{ seeker, ...fit }] : [];
    })
    .sort(byRank);
}
