import { and, asc, count, desc, eq, inArray, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { inSubtree, type SessionUser } from '../auth/index.ts';
import { codeOrNamePrefix, namePrefix } from '../db/index.ts';
import { cases, employers, orgUnits, persons } from '../db/schema/index.ts';
import { looksLikeInitials } from '../persons/name-initials.ts';
import { normalIdNumber } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/**
 * How a case came in: `window` opened by a user at a service window, `coordination` opened by
 * the platform when another case's domain event asked for it, `import` brought in from the city's
 * earlier system, `online` applied for on the public site by the citizen or employer, `national`
 * downloaded from the 全国人社政务服务平台, `exchange` opened for another agency's signed event message
 * (a social insurance enrolment) for a caseworker to confirm. Derived from the
 * case row (who created it, which import or public account brought it), not stored.
 */
export const CASE_CHANNELS = ['window', 'coordination', 'import', 'online', 'national', 'exchange'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];

/** The orders a case list can be read in. */
export const CASE_SORTS = ['updatedAt', 'createdAt', 'caseNo'] as const;

/** What a search of cases may ask: a text and filters, all optional, ANDed. */
export interface CaseSearchQuery {
  /** A case number (or its start), an exact ID number or credit code, the start of a name, or pinyin initials (`zs`). */
  q?: string | undefined;
  status?: 'active' | 'final' | undefined;
  processId?: string | undefined;
  state?: string | undefined;
  subjectId?: string | undefined;
  /** The office (org unit) the case is handled at, with the units below it. */
  orgUnitId?: string | undefined;
  channel?: CaseChannel | undefined;
  /** Opened on or after this China-time date (`YYYY-MM-DD`). */
  from?: string | undefined;
  /** Opened on or before this China-time date. */
  to?: string | undefined;
  sort?: (typeof CASE_SORTS)[number] | undefined;
  order?: 'asc' | 'desc' | undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, '\\$&');
}

/**
 * The cases whose subject the text names: a person by exact ID number (its blind index: the
 * number is never stored or compared in the clear), by the start of the name or, for latin
 * letters, of the name's pinyin initials; an employer by exact credit code or the start of its name.
 */
function subjectMatches(rt: RuntimeContext, q: string): SQL {
  const byPerson = [eq(persons.idNumberIndex, rt.cipher.index(normalIdNumber(q))), namePrefix(persons.name, q)];
  if (looksLikeInitials(q)) byPerson.push(like(persons.nameInitials, `${escapeLike(q.toLowerCase())}%`));
  const personIds = rt.db
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.cityCode, cases.cityCode), or(...byPerson)));
  const employerIds = rt.db
    .select({ id: employers.id })
    .from(employers)
    .where(and(eq(employers.cityCode, cases.cityCode), codeOrNamePrefix(employers.creditCode, employers.name, q)));
  return or(
    and(eq(cases.subjectType, 'person'), inArray(cases.subjectId, personIds)),
    and(eq(cases.subjectType, 'employer'), inArray(cases.subjectId, employerIds)),
  )!;
}

function channelIs(channel: CaseChannel): SQL {
  if (channel === 'import') return isNotNull(cases.importedFrom);
  if (channel === 'online') return isNotNull(cases.openedByAccount);
  if (channel === 'national') return isNotNull(cases.nationalApplicationNo);
  if (channel === 'exchange') return isNotNull(cases.exchangeMessageId);
  if (channel === 'coordination') return and(isNull(cases.importedFrom), isNull(cases.createdBy), isNull(cases.openedByAccount), isNull(cases.nationalApplicationNo), isNull(cases.exchangeMessageId))!;
  return and(isNull(cases.importedFrom), isNotNull(cases.createdBy))!;
}

/** The channel of a case row, as `channel` filters it. */
export function channelOf(row: { importedFrom: string | null; createdBy: string | null; openedByAccount: string | null; nationalApplicationNo: string | null; exchangeMessageId: string | null }): CaseChannel {
  if (row.importedFrom !== null) return 'import';
  if (row.openedByAccount !== null) return 'online';
  if (row.nationalApplicationNo !== null) return 'national';
  if (row.exchangeMessageId !== null) return 'exchange';
  return row.createdBy === null ? 'coordination' : 'window';
}

/** The WHERE of a case search: always within the user's subtree, so a case out of scope is never found. */
export function caseSearchWhere(rt: RuntimeContext, user: SessionUser, query: CaseSearchQuery): SQL {
  const filters: SQL[] = [inSubtree(cases.orgPath, user)];
  const q = query.q?.trim();
  if (q) filters.push(or(like(cases.caseNo, `${escapeLike(q.toUpperCase())}%`), subjectMatches(rt, q))!);
  if (query.status) filters.push(eq(cases.status, query.status));
  if (query.processId) filters.push(eq(cases.processId, query.processId));
  if (query.state) filters.push(eq(cases.state, query.state));
  if (query.subjectId) filters.push(eq(cases.subjectId, query.subjectId));
  if (query.channel) filters.push(channelIs(query.channel));
  if (query.orgUnitId) {
    const unitPath = rt.db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, query.orgUnitId));
    filters.push(sql`${cases.orgPath} LIKE (${unitPath}) || '%'`);
  }
  // Dates are the service's calendar days: China time, whatever the server's zone.
  if (query.from) filters.push(sql`${cases.createdAt} >= (${query.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (query.to) filters.push(sql`${cases.createdAt} < (${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  return and(...filters)!;
}

/** The ORDER BY of a case search; the id breaks ties so pages never overlap. */
export function caseSearchOrder(query: CaseSearchQuery): SQL[] {
  const direction = query.order === 'asc' ? asc : desc;
  const column = { updatedAt: cases.updatedAt, createdAt: cases.createdAt, caseNo: cases.caseNo }[query.sort ?? 'updatedAt'];
  return [direction(column), direction(cases.id)];
}

/** One page of the cases a search finds, with how many it finds in all. */
export async function searchCaseRows(rt: RuntimeContext, user: SessionUser, query: CaseSearchQuery & { page: number; pageSize: number }) {
  const where = caseSearchWhere(rt, user, query);
  const [rows, [total]] = await Promise.all([
    rt.db
      .select()
      .from(cases)
      .where(where)
      .orderBy(...caseSearchOrder(query))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    rt.db.select({ value: count() }).from(cases).where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0) };
}
