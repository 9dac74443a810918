/**
 * Matching of published vacancies to a job seeker, as a pure function: a vacancy matches when
 * its occupation shares at least the major group with one the seeker wants, and its work area
 * at least the province with one the seeker wants; matches are ranked by how close both are,
 * then by whether the pay fits, then by the later end of validity.
 */

/** What a job seeker wants, as the job-seeking profile form records it. */
export interface SeekerProfile {
  /** Occupation codes of the 2022 catalogue (GB/T 6565), e.g. `4-01-02-01`; up to five. */
  desiredOccupations: readonly string[];
  /** Administrative division codes (GB/T 2260), 6 digits or 9/12 for streets and communities. */
  desiredAreas: readonly string[];
  /** Expected monthly pay, integer fen. */
  expectedPayFen: number;
}

/** A published vacancy as matching needs it. */
export interface VacancySummary {
  caseNo: string;
  occupation: string;
  workArea: string;
  payMaxFen: number;
  payBasis: 'monthly' | 'hourly' | 'piece';
  /** Last day of validity, `YYYY-MM-DD`. */
  validUntil: string;
}

/** How close two occupation codes are: the same code, or the same minor, middle or major group. */
export type OccupationMatch = 'exact' | 'minor-group' | 'middle-group' | 'major-group';

/** How close two areas are: the same county (6 digits), city (4) or province (2). */
export type RegionMatch = 'county' | 'city' | 'province';

/** A vacancy that matches, with why and how it ranks. */
export interface VacancyMatch {
  vacancy: VacancySummary;
  occupation: OccupationMatch;
  region: RegionMatch;
  /** Occupation points (exact 4 .. major group 1) plus region points (county 3 .. province 1). */
  score: number;
  /** The vacancy's top pay, as monthly pay, reaches what the seeker expects. */
  payFits: boolean;
}

const OCCUPATION_POINTS: Readonly<Record<OccupationMatch, number>> = { exact: 4, 'minor-group': 3, 'middle-group': 2, 'major-group': 1 };
const REGION_POINTS: Readonly<Record<RegionMatch, number>> = { county: 3, city: 2, province: 1 };

/**
 * Paid hours in a month under the statutory monthly pay days (21.75 days of 8 hours,
 * 劳社部发〔2008〕3号): how hourly pay is compared with an expected monthly pay.
 */
const PAID_HOURS_PER_MONTH = 174;

/** The closeness of two occupation codes by their dash-separated segments, or undefined when the major groups differ. */
export function occupationMatch(desired: string, offered: string): OccupationMatch | undefined {
  if (desired === offered) return 'exact';
  const a = desired.split('-');
  const b = offered.split('-');
  let shared = 0;
  while (shared < Math.min(a.length, b.length) && a[shared] === b[shared]) shared++;
  if (shared >= 3) return 'minor-group';
  if (shared === 2) return 'middle-group';
  return shared === 1 ? 'major-group' : undefined;
}

/** The closeness of two area codes by their 6-, 4- and 2-digit prefixes, or undefined when the provinces differ. */
export function regionMatch(desired: string, offered: string): RegionMatch | undefined {
  if (desired.slice(0, 6) === offered.slice(0, 6)) return 'county';
  if (desired.slice(0, 4) === offered.slice(0, 4)) return 'city';
  return desired.slice(0, 2) === offered.slice(0, 2) ? 'province' : undefined;
}

/** The closest of several matches by their points, or undefined when none matches. */
function closest<T extends string>(matches: readonly (T | undefined)[], points: Readonly<Record<T, number>>): T | undefined {
  return matches.reduce<T | undefined>((best, match) => (match !== undefined && (best === undefined || points[match] > points[best]) ? match : best), undefined);
}

/** Whether the vacancy's top pay reaches the expected monthly pay; piece rates cannot be compared and do not fit. */
export function payFits(vacancy: Pick<VacancySummary, 'payMaxFen' | 'payBasis'>, expectedPayFen: number): boolean {
  if (vacancy.payBasis === 'monthly') return vacancy.payMaxFen >= expectedPayFen;
  if (vacancy.payBasis === 'hourly') return vacancy.payMaxFen * PAID_HOURS_PER_MONTH >= expectedPayFen;
  return false;
}

function matchOf(seeker: SeekerProfile, vacancy: VacancySummary): VacancyMatch | undefined {
  const occupation = closest(seeker.desiredOccupations.map((code) => occupationMatch(code, vacancy.occupation)), OCCUPATION_POINTS);
  const region = closest(seeker.desiredAreas.map((code) => regionMatch(code, vacancy.workArea)), REGION_POINTS);
  if (!occupation || !region) return undefined;
  const score = OCCUPATION_POINTS[occupation] + REGION_POINTS[region];
  return { vacancy, occupation, region, score, payFits: payFits(vacancy, seeker.expectedPayFen) };
}

function byRank(a: VacancyMatch, b: VacancyMatch): number {
  return (
    b.score - a.score ||
    Number(b.payFits) - Number(a.payFits) ||
    b.vacancy.validUntil.localeCompare(a.vacancy.validUntil) ||
    a.vacancy.caseNo.localeCompare(b.vacancy.caseNo)
  );
}

/**
 * The vacancies that match a seeker, best first: higher score, then pay that fits, then the
 * later end of validity (case number last, so the order is total). Vacancies whose validity
 * ended before `today` (`YYYY-MM-DD`) are left out even if their expiry has not run yet.
 */
export function rankVacancies(seeker: SeekerProfile, vacancies: readonly VacancySummary[], today: string): VacancyMatch[] {
  return vacancies
    .filter((vacancy) => vacancy.validUntil >= today)
    .flatMap((vacancy) => matchOf(seeker, vacancy) ?? [])
    .sort(byRank);
}
