import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, desc, eq } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { accountMessages, savedSearches } from '../db/schema/index.ts';
import type { PostingQuery } from '../postings/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** Searches one account may keep: each costs a query per alert round. */
export const MAX_SAVED_SEARCHES = 20;

/** Messages `/my` lists. */
const MESSAGES_SHOWN = 30;

/** What a saved search keeps of a search: its filters and keyword, never its page or order. */
function storedQuery(query: PostingQuery): Record<string, string | number> {
  const { page: _page, pageSize: _size, sort: _sort, ...kept } = query;
  return Object.fromEntries(Object.entries(kept).filter(([, value]) => value !== undefined && value !== '')) as Record<string, string | number>;
}

function activeCitizen(account: PublicAccount): void {
  if (account.kind !== 'citizen' || account.status !== 'active') throw new PlatformError('ROLE_NOT_PERMITTED', { details: { account: account.id } });
}

/**
 * Saves a search of the public postings for a signed-in citizen, under the query string the
 * search page writes for it (one search, one address: saved twice it is one saved search). Its
 * alerts start from now; its feed's address holds a secret token of its own.
 */
export async function saveSearch(rt: RuntimeContext, account: PublicAccount, input: { queryString: string; query: PostingQuery }) {
  activeCitizen(account);
  const mine = await rt.db.select({ id: savedSearches.id, queryString: savedSearches.queryString }).from(savedSearches).where(eq(savedSearches.accountId, account.id));
  const same = mine.find((row) => row.queryString === input.queryString);
  if (same) return { id: same.id, created: false };
  if (mine.length >= MAX_SAVED_SEARCHES) {
    throw new PlatformError('FORM_INVALID', {
      message: { 'zh-CN': `最多保存 ${MAX_SAVED_SEARCHES} 个搜索，请先删除不需要的`, en: `At most ${MAX_SAVED_SEARCHES} saved searches: delete one first` },
      details: { form: null, fields: [] },
    });
  }
  const now = rt.clock();
  const id = randomUUID();
  const inserted = await rt.db
    .insert(savedSearches)
    .values({ id, accountId: account.id, queryString: input.queryString, query: storedQuery(input.query), feedToken: randomBytes(24).toString('base64url'), createdAt: now, checkedAt: now })
    .onConflictDoNothing()
    .returning({ id: savedSearches.id });
  return { id: inserted[0]?.id ?? id, created: inserted.length > 0 };
}

/** The citizen's saved searches, oldest first, each with its feed token (shown only to its owner). */
export async function mySavedSearches(rt: RuntimeContext, account: PublicAccount) {
  return rt.db
    .select({ id: savedSearches.id, queryString: savedSearches.queryString, feedToken: savedSearches.feedToken, createdAt: savedSearches.createdAt })
    .from(savedSearches)
    .where(eq(savedSearches.accountId, account.id))
    .orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
}

/** Deletes one of the citizen's saved searches (its feed stops answering); another's is not found. */
export async function deleteSavedSearch(rt: RuntimeContext, account: PublicAccount, id: string): Promise<void> {
  const deleted = /^[0-9a-f-]{36}$/i.test(id)
    ? await rt.db.delete(savedSearches).where(and(eq(savedSearches.id, id), eq(savedSearches.accountId, account.id))).returning({ id: savedSearches.id })
    : [];
  if (deleted.length === 0) throw new PlatformError('NOT_FOUND', { details: { savedSearch: id } });
}

/** The search behind a feed token; undefined for any other string, so a wrong token learns nothing. */
export async function searchOfFeedToken(rt: RuntimeContext, token: string): Promise<PostingQuery | undefined> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  const [row] = await rt.db.select({ query: savedSearches.query }).from(savedSearches).where(eq(savedSearches.feedToken, token)).limit(1);
  return row?.query as PostingQuery | undefined;
}

/** The account's messages, newest first. */
export async function myMessages(rt: RuntimeContext, account: PublicAccount) {
  return rt.db
    .select({ id: accountMessages.id, kind: accountMessages.kind, savedSearchId: accountMessages.savedSearchId, postings: accountMessages.postings, createdAt: accountMessages.createdAt, readAt: accountMessages.readAt })
    .from(accountMessages)
    .where(eq(accountMessages.accountId, account.id))
    .orderBy(desc(accountMessages.createdAt), desc(accountMessages.id))
    .limit(MESSAGES_SHOWN);
}
