import { and, eq, getTableColumns, notExists, sql, type SQL } from 'drizzle-orm';
import { isPlatformError, type Meaning } from '../../engine/index.ts';
import type { Executor, Transaction } from '../db/index.ts';
import { cases, employers, publicPostings, publicPostingSearch } from '../db/schema/index.ts';
import type { PluginRegistry } from '../plugins/index.ts';
import type { CaseProjection, CaseRow, RuntimeContext } from '../runtime-context.ts';
import { postingRow, postingSearchRow, type PostingEmployer } from './posting-row.ts';

/** The process and state of a published vacancy as the packages declare them; undefined when none does. */
export function publishedVacancy(registry: PluginRegistry): (Meaning & { state: string }) | undefined {
  try {
    const meaning = registry.meaning('publishedVacancy');
    return meaning.state === undefined ? undefined : { ...meaning, state: meaning.state };
  } catch (error) {
    if (isPlatformError(error, 'PROCESS_NOT_FOUND')) return undefined;
    throw error;
  }
}

const ofCase = (row: Pick<CaseRow, 'cityCode' | 'id'>): SQL => and(eq(publicPostings.cityCode, row.cityCode), eq(publicPostings.caseId, row.id))!;

/** Every column of a table but the key (city and case), taken from the row an upsert proposed. */
const proposedOf = (table: typeof publicPostings | typeof publicPostingSearch) =>
  Object.fromEntries(
    Object.entries(getTableColumns(table))
      .filter(([key]) => key !== 'cityCode' && key !== 'caseId')
      .map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)]),
  );
const proposed = { posting: proposedOf(publicPostings), search: proposedOf(publicPostingSearch) };

/** Writes the public row of a case in the published state and its search row, or updates the ones there. (Deleting the public row deletes its search row.) */
async function upsertPosting(tx: Executor, row: CaseRow, employer: PostingEmployer, now: Date): Promise<void> {
  const posting = postingRow(row, employer, now);
  await tx.insert(publicPostings).values(posting).onConflictDoUpdate({ target: [publicPostings.cityCode, publicPostings.caseId], set: proposed.posting });
  await tx
    .insert(publicPostingSearch)
    .values(postingSearchRow(posting))
    .onConflictDoUpdate({ target: [publicPostingSearch.cityCode, publicPostingSearch.caseId], set: proposed.search });
}

/** The employer a posting case is about (its subject), as the public page names it. */
async function employerOf(tx: Executor, row: CaseRow): Promise<PostingEmployer> {
  const [found] = await tx
    .select({ id: employers.id, name: employers.name, creditCode: employers.creditCode })
    .from(employers)
    .where(and(eq(employers.cityCode, row.cityCode), eq(employers.id, row.subjectId)));
  return found ?? { id: row.subjectId, name: '', creditCode: typeof row.data['employerCreditCode'] === 'string' ? row.data['employerCreditCode'] : '' };
}

/**
 * The public postings as the case transaction keeps them (a projection `createStepper` runs after
 * every write of a case): a case of the published vacancy's process in its published state has its
 * public row written or brought up to date; in any other state (withdrawn, filled, expired,
 * suspended, back under review) its row is deleted, in the same transaction. Cases of other
 * processes cost nothing; with no package declaring a published vacancy there is nothing to keep.
 */
export function postingProjection(registry: PluginRegistry): CaseProjection {
  const meaning = publishedVacancy(registry);
  return async (tx, row, { now }) => {
    if (!meaning || row.processId !== meaning.process) return;
    if (row.state !== meaning.state) {
      await tx.delete(publicPostings).where(ofCase(row));
      return;
    }
    await upsertPosting(tx, row, await employerOf(tx, row), now);
  };
}

/**
 * Brings the public rows of an employer's postings up to its record after a correction of its
 * name, in the correction's transaction: the name shows on the pages and is searched by its words.
 * Returns how many rows changed.
 */
export async function renameEmployerPostings(tx: Transaction, cityCode: string, employer: PostingEmployer, now: Date): Promise<number> {
  const rows = await tx
    .select({ row: cases })
    .from(cases)
    .innerJoin(publicPostings, and(eq(publicPostings.cityCode, cases.cityCode), eq(publicPostings.caseId, cases.id)))
    .where(and(eq(publicPostings.cityCode, cityCode), eq(publicPostings.employerId, employer.id)));
  for (const { row } of rows) await upsertPosting(tx, row, employer, now);
  return rows.length;
}

const BATCH = 200;

/**
 * Brings the public postings up to the cases, idempotently: writes the row of every published
 * case that has none (cases published before this table existed, on an upgraded installation) and
 * deletes rows whose case is not published (a package that declares another state). Each batch
 * locks its cases, as a step does, so a step running beside it in another process waits or is
 * waited for, and no row outlives its case's publication. Returns the rows written and deleted.
 */
export async function fillPublicPostings(rt: RuntimeContext): Promise<{ written: number; deleted: number }> {
  const meaning = publishedVacancy(rt.registry);
  const published = meaning ? and(eq(cases.processId, meaning.process), eq(cases.state, meaning.state))! : sql`false`;
  const deleted = await rt.db
    .delete(publicPostings)
    .where(notExists(rt.db.select({ id: cases.id }).from(cases).where(and(eq(cases.cityCode, publicPostings.cityCode), eq(cases.id, publicPostings.caseId), published))))
    .returning({ id: publicPostings.caseId });
  let written = 0;
  for (;;) {
    const batch = await rt.db.transaction(async (tx: Transaction) => {
      const missing = await tx
        .select()
        .from(cases)
        .where(and(published, notExists(tx.select({ id: publicPostings.caseId }).from(publicPostings).where(and(eq(publicPostings.cityCode, cases.cityCode), eq(publicPostings.caseId, cases.id))))))
        .orderBy(cases.cityCode, cases.id)
        .limit(BATCH)
        .for('update');
      const now = rt.clock();
      for (const row of missing) await upsertPosting(tx, row, await employerOf(tx, row), now);
      return missing.length;
    });
    written += batch;
    if (batch < BATCH) break;
  }
  return { written, deleted: deleted.length };
}
