/**
 * The rules by which a job seeker and a vacancy fit each other, in one place for both directions
 * of matching (vacancies for a seeker, seekers for a vacancy), as pure functions. A pair matches
 * when the vacancy's occupation shares at least the major group with one the seeker wants and its
 * work area at least the province with one the seeker wants; how close both are gives the score.
 * Pay, education and availability do not exclude: each that fits ranks the pair higher, and each
 * that does not is shown, so the caseworker sees why.
 */

/** What a job seeker wants and brings, as the job-seeking profile form records it. */
export interface SeekerProfile {
  /** Occupation codes of the 2022 catalogue (GB/T 6565), e.g. `4-01-02-01`; up to five. */
  desiredOccupations: readonly string[];
  /** Administrative division codes (GB/T 2260), 6 digits or 9/12 for streets and communities. */
  desiredAreas: readonly string[];
  /** Expected monthly pay, integer fen. */
  expectedPayFen: number;
  /** Education attained, a GB/T 4658 code of the profile form (`10` postgraduate … `90` other). */
  education?: string | undefined;
  /** First day the seeker can start, `YYYY-MM-DD`. */
  availableFrom?: string | undefined;
}

/** A vacancy as matching needs it. */
export interface VacancySummary {
  caseNo: string;
  occupation: string;
  workArea: string;
  payMaxFen: number;
  payBasis: 'monthly' | 'hourly' | 'piece';
  /** Education required, a GB/T 4658 code of the posting form, or `none`. */
  education?: string | undefined;
  /** Last day of validity, `YYYY-MM-DD`. */
  validUntil: string;
}

/** How close two occupation codes are: the same code, or the same minor, middle or major group. */
export type OccupationMatch = 'exact' | 'minor-group' | 'middle-group' | 'major-group';

/** How close two areas are: the same county (6 digits), city (4) or province (2). */
export type RegionMatch = 'county' | 'city' | 'province';

/** Why a seeker and a vacancy fit, and how well. */
export interface Fit {
  occupation: OccupationMatch;
  region: RegionMatch;
  /** The seeker's desired occupation and area that came closest. */
  desiredOccupation: string;
  desiredArea: string;
  /** Occupation points (exact 4 .. major group 1) plus region points (county 3 .. province 1). */
  score: number;
  /** The vacancy's top pay, as monthly pay, reaches what the seeker expects. */
  payFits: boolean;
  /** The seeker's education reaches what the vacancy requires (any, when it requires none). */
  educationFits: boolean;
  /** The seeker can start before the vacancy's validity ends. */
  availableInTime: boolean;
}

const OCCUPATION_POINTS: Readonly<Record<OccupationMatch, number>> = { exact: 4, 'minor-group': 3, 'middle-group': 2, 'major-group': 1 };
const REGION_POINTS: Readonly<Record<RegionMatch, number>> = { county: 3, city: 2, province: 1 };

/**
 * Paid hours in a month under the statutory monthly pay days (21.75 days of 8 hours,
 * 劳社部发〔2008〕3号): how hourly pay is compared with an expected monthly pay.
 */
const PAID_HOURS_PER_MONTH = 174;

/**
 * The level of each GB/T 4658 education code of the forms, higher for more: secondary vocational
 * (40) and general senior secondary (60) are both senior secondary education; `90` (other) is below primary.
 */
const EDUCATION_LEVEL: Readonly<Record<string, number>> = { '10': 5, '20': 4, '40': 3, '60': 3, '70': 2, '80': 1, '90': 0 };

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

/** Whether the vacancy's top pay reaches the expected monthly pay; piece rates cannot be compared and do not fit. */
export function payFits(vacancy: Pick<VacancySummary, 'payMaxFen' | 'payBasis'>, expectedPayFen: number): boolean {
  if (vacancy.payBasis === 'monthly') return vacancy.payMaxFen >= expectedPayFen;
  if (vacancy.payBasis === 'hourly') return vacancy.payMaxFen * PAID_HOURS_PER_MONTH >= expectedPayFen;
  return false;
}

/** Whether an education attained reaches the one required; no requirement (`none` or none given) is met by anyone, an unknown attainment meets no other. */
export function educationFits(required: string | undefined, attained: string | undefined): boolean {
  const needed = required === undefined || required === 'none' ? undefined : EDUCATION_LEVEL[required];
  if (needed === undefined) return true;
  const level = attained === undefined ? undefined : EDUCATION_LEVEL[attained];
  return level !== undefined && level >= needed;
}

/** The desired code closest to the offered one, with its closeness, or undefined when none matches. */
function closest<T extends string>(desired: readonly string[], match: (code: string) => T | undefined, points: Readonly<Record<T, number>>): { code: string; match: T } | undefined {
  let best: { code: string; match: T } | undefined;
  for (const code of desired) {
    const found = match(code);
    if (found !== undefined && (best === undefined || points[found] > points[best.match])) best = { code, match: found };
  }
  return best;
}

/** How a seeker and a vacancy fit, or undefined when the occupations or areas do not match at all. */
export function assessFit(seeker: SeekerProfile, vacancy: VacancySummary): Fit | undefined {
  const occupation = closest(seeker.desiredOccupations, (code) => occupationMatch(code, vacancy.occupation), OCCUPATION_POINTS);
  const region = closest(seeker.desiredAreas, (code) => regionMatch(code, vacancy.workArea), REGION_POINTS);
  if (!occupation || !region) return undefined;
  return {
    occupation: occupation.match,
    region: region.match,
    desiredOccupation: occupation.code,
    desiredArea: region.code,
    score: OCCUPATION_POINTS[occupation.match] + REGION_POINTS[region.match],
    payFits: payFits(vacancy, seeker.expectedPayFen),
    educationFits: educationFits(vacancy.education, seeker.education),
    availableInTime: seeker.availableFrom === undefined || seeker.availableFrom <= vacancy.validUntil,
  };
}

/** How many of pay, education and availability fit. */
function conditionsMet(fit: Fit): number {
  return Number(fit.payFits) + Number(fit.educationFits) + Number(fit.availableInTime);
}

/** Better fit first: the higher score, then more of pay, education and availability fitting, then pay alone; 0 for equal fits (the caller breaks the tie). */
export function byFit(a: Fit, b: Fit): number {
  return b.score - a.score || conditionsMet(b) - conditionsMet(a) || Number(b.payFits) - Number(a.payFits);
}
