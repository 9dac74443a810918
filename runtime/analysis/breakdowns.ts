import { codeEntry } from '../code-tables/index.ts';

/**
 * 分组口径 The breakdowns of the supply and demand table, and how each side of the market
 * is keyed for them. Demand is keyed from the posting's form data (`c.data`); supply from the
 * seeker's registration (`c.data`) and the person's master data (`pe.gender`, `pe.birth_date`),
 * with the age taken on the quarter's last day (`p.end_date`).
 *
 * - region: the district (first 6 digits) of the work area, or of the seeker's first desired area.
 * - city: the same area's city (first 4 digits + `00`); also the city the comparisons use.
 * - occupation: 小类 minor group (first three segments, `4-02-06`) of the posting's occupation or
 *   of the seeker's first desired occupation; rows are 大类 major groups (first segment).
 * - sex, age: of the seeker; a posting may not state either (就业促进法 art. 27), so demand is
 *   `unspecified` (无要求).
 * - education: GB/T 4658 level-1 code of the posting's requirement or the seeker's education.
 * - skillLevel: the posting's required level; the job-seeking form records none, so supply is
 *   `unspecified`.
 * - industry: GB/T 4754-2017 section (门类) of the employer's industry the posting states (counted by
 *   division, rolled up with the shipped code table); seekers state none, so supply is `unspecified`.
 * - seekerCategory: the seeker's category (新成长失业青年, 就业转失业人员, …); demand is `unspecified`.
 */
export const breakdowns = ['total', 'region', 'city', 'occupation', 'industry', 'sex', 'age', 'education', 'skillLevel', 'seekerCategory'] as const;
export type Breakdown = (typeof breakdowns)[number];

/** The key of a row that records nothing for the breakdown. */
export const UNSPECIFIED = 'unspecified';

const workArea = `(c.data->>'workArea')`;
const desiredArea = `(c.data->'desiredAreas'->>0)`;
const cityOf = (area: string) => `coalesce(left(${area}, 4) || '00', '${UNSPECIFIED}')`;

/** SQL for the city of a posting and of a seeker (both cases `c`). */
export const citySql = { demand: cityOf(workArea), supply: cityOf(desiredArea) };

const ageBand = `CASE
  WHEN date_part('year', age(p.end_date::date, pe.birth_date)) < 25 THEN '16-24'
  WHEN date_part('year', age(p.end_date::date, pe.birth_date)) < 35 THEN '25-34'
  WHEN date_part('year', age(p.end_date::date, pe.birth_date)) < 45 THEN '35-44'
  ELSE '45+' END`;

/** SQL for the row key of a posting and of a seeker (case `c`, person `pe`, period `p`), per breakdown. Constant text, no input. */
export const keySql: Record<Breakdown, { demand: string; supply: string }> = {
  total: { demand: `'total'`, supply: `'total'` },
  region: { demand: `coalesce(left(${workArea}, 6), '${UNSPECIFIED}')`, supply: `coalesce(left(${desiredArea}, 6), '${UNSPECIFIED}')` },
  city: citySql,
  occupation: { demand: `coalesce(left(c.data->>'occupation', 7), '${UNSPECIFIED}')`, supply: `coalesce(left(c.data->'desiredOccupations'->>0, 7), '${UNSPECIFIED}')` },
  sex: { demand: `'${UNSPECIFIED}'`, supply: `pe.gender` },
  age: { demand: `'${UNSPECIFIED}'`, supply: ageBand },
  education: { demand: `coalesce(c.data->>'education', '${UNSPECIFIED}')`, supply: `coalesce(c.data->>'education', '${UNSPECIFIED}')` },
  skillLevel: { demand: `coalesce(c.data->>'skillLevel', '${UNSPECIFIED}')`, supply: `'${UNSPECIFIED}'` },
  industry: { demand: `coalesce(left(c.data->>'industry', 2), '${UNSPECIFIED}')`, supply: `'${UNSPECIFIED}'` },
  seekerCategory: { demand: `'${UNSPECIFIED}'`, supply: `coalesce(c.data->>'seekerCategory', '${UNSPECIFIED}')` },
};

/** Breakdowns of the seekers that need the person's master data. */
export const needsPerson: ReadonlySet<Breakdown> = new Set(['sex', 'age']);

/**
 * The row a counted key falls in: the major group of an occupation's minor group, the section
 * (门类) of an industry division, else the key itself.
 */
export function rowKeyOf(by: Breakdown, key: string): string {
  if (key === UNSPECIFIED) return key;
  if (by === 'occupation') return key.split('-')[0]!;
  if (by === 'industry') return codeEntry('industry-gb4754-2017', key)?.parent ?? UNSPECIFIED;
  return key;
}

/** Fixed row orders; keys not listed follow in code order, `unspecified` always last. */
const fixedOrder: Partial<Record<Breakdown, readonly string[]>> = {
  sex: ['male', 'female'],
  age: ['16-24', '25-34', '35-44', '45+'],
  education: ['10', '20', '40', '60', '70', '80', '90', 'none'],
  skillLevel: ['1', '2', '3', '4', '5', 'none'],
  seekerCategory: ['new-entrant', 'job-to-unemployed', 'other-unemployed', 'employed', 'retired', 'student', 'local-rural', 'from-elsewhere'],
};

/** Sorts row keys for display. */
export function compareKeys(by: Breakdown): (a: string, b: string) => number {
  const order = fixedOrder[by] ?? [];
  const rank = (k: string) => (k === UNSPECIFIED ? Number.MAX_SAFE_INTEGER : order.includes(k) ? order.indexOf(k) : order.length);
  return (a, b) => rank(a) - rank(b) || a.localeCompare(b);
}
