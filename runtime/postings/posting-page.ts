import { and, desc, eq } from 'drizzle-orm';
import { chinaDate, type Definition } from '../../engine/index.ts';
import { isRecordId, type Executor } from '../db/index.ts';
import { caseEvents, cases, employers, publicPostings as p } from '../db/schema/index.ts';
import { publishedDefinition } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { publishedVacancy } from './posting-projection.ts';
import { openOn, summaryColumns, summaryOf } from './posting-search.ts';
import type { PostingPage, PostingSitemapEntry } from './types.ts';

/** The most postings a sitemap lists: the sitemap protocol's limit for one file. */
export const SITEMAP_LIMIT = 50_000;

type Gone = 'withdrawn' | 'filled' | 'expired';

/** Off the site for now: suspended, or edited by its employer and back in review; it may come back at the same address. */
type Paused = 'paused';

/**
 * Why a posting that was public is not, read from the flow its case is pinned to and the meanings,
 * never from a state's name: `filled` in a state the `filledVacancy` meaning's event leads to;
 * `expired` in a state a timer of the published state (or of any state) leads to, or when its last
 * day has passed whatever its state; `withdrawn` otherwise (withdrawn, or suspended and so taken
 * off the site).
 */
export function goneBecause(definition: Definition, state: string, filledEvent: string | undefined, validUntil: string, today: string): Gone {
  const states = Object.values(definition.states);
  const filled = filledEvent === undefined ? [] : states.flatMap((s) => (s.on[filledEvent] ? [s.on[filledEvent].target] : []));
  if (filled.includes(state)) return 'filled';
  const timed = states.flatMap((s) => s.timers.flatMap((timer) => (s.on[timer.event] ? [s.on[timer.event]!.target] : [])));
  if (timed.includes(state) || (validUntil !== '' && validUntil < today)) return 'expired';
  return 'withdrawn';
}

function filledEventOf(rt: RuntimeContext, process: string): string | undefined {
  try {
    const meaning = rt.registry.meaning('filledVacancy');
    return meaning.process === process ? meaning.event : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A posting's page by its public id (the case's id): live while its row is there and its last day
 * has not passed; gone, and why, for a case of the published vacancy's process that was once in
 * the published state (a performance record entered it); undefined for anything else (never
 * public, not a posting, no such id). The gone page names only the title and the employer. A
 * posting suspended or back in review after its employer edited it is `paused`: it may come back.
 */
export async function postingPage(rt: RuntimeContext, db: Executor, id: string): Promise<PostingPage | undefined> {
  if (!isRecordId(id)) return undefined;
  const today = chinaDate(rt.clock());
  const [live] = await db
    .select({ ...summaryColumns, duties: p.duties, requirements: p.requirements, industry: p.industry, industryName: p.industryName, skillLevel: p.skillLevel, experienceYears: p.experienceYears, validFrom: p.validFrom, employerCreditCode: p.employerCreditCode })
    .from(p)
    .where(eq(p.caseId, id))
    .limit(1);
  if (live && live.validUntil >= today) return { status: 'live', posting: summaryOf(live) };
  const meaning = publishedVacancy(rt.registry);
  if (!meaning) return undefined;
  const [row] = await db
    .select({ cityCode: cases.cityCode, state: cases.state, status: cases.status, definitionId: cases.definitionId, data: cases.data, employerName: employers.name })
    .from(cases)
    .leftJoin(employers, and(eq(employers.cityCode, cases.cityCode), eq(employers.id, cases.subjectId)))
    .where(and(eq(cases.id, id), eq(cases.processId, meaning.process)))
    .limit(1);
  if (!row) return undefined;
  const [wasPublic] = await db
    .select({ seq: caseEvents.seq })
    .from(caseEvents)
    .where(and(eq(caseEvents.cityCode, row.cityCode), eq(caseEvents.caseId, id), eq(caseEvents.toState, meaning.state)))
    .limit(1);
  if (!wasPublic) return undefined;
  const title = typeof row.data['title'] === 'string' ? row.data['title'] : '';
  const validUntil = typeof row.data['validUntil'] === 'string' ? row.data['validUntil'] : '';
  const { definition } = await publishedDefinition(db, rt.registry, row.definitionId);
  const gone: Gone = live ? 'expired' : goneBecause(definition, row.state, filledEventOf(rt, meaning.process), validUntil, today);
  // A case still running that is neither filled nor expired is only off the site for now.
  const status: Gone | Paused = gone === 'withdrawn' && row.status === 'active' ? 'paused' : gone;
  return { status, title, employerName: row.employerName ?? '' };
}

/** The open postings for the sitemap, most recently changed first, at most {@link SITEMAP_LIMIT}. */
export async function postingSitemap(db: Executor, now: Date): Promise<PostingSitemapEntry[]> {
  const rows = await db.select({ id: p.caseId, updatedAt: p.updatedAt }).from(p).where(openOn(p.validUntil, chinaDate(now))).orderBy(desc(p.updatedAt), p.caseId).limit(SITEMAP_LIMIT);
  return rows.map((row) => ({ id: row.id, updatedAt: row.updatedAt.toISOString() }));
}
