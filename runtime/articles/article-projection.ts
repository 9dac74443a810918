import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { isPlatformError, type Meaning } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { publicArticles } from '../db/schema/index.ts';
import type { PluginRegistry } from '../plugins/index.ts';
import type { CaseProjection, CaseRow } from '../runtime-context.ts';
import { articleRow } from './article-row.ts';

/** The process and state of a published article as the packages declare them; undefined when none does. */
export function publishedArticle(registry: PluginRegistry): (Meaning & { state: string }) | undefined {
  try {
    const meaning = registry.meaning('publishedArticle');
    return meaning.state === undefined ? undefined : { ...meaning, state: meaning.state };
  } catch (error) {
    if (isPlatformError(error, 'PROCESS_NOT_FOUND')) return undefined;
    throw error;
  }
}

const ofCase = (row: Pick<CaseRow, 'cityCode' | 'id'>): SQL => and(eq(publicArticles.cityCode, row.cityCode), eq(publicArticles.caseId, row.id))!;

/** Every column but the key, taken from the row an upsert proposed. */
const proposed = Object.fromEntries(
  Object.entries(getTableColumns(publicArticles))
    .filter(([key]) => key !== 'cityCode' && key !== 'caseId')
    .map(([key, column]) => [key, sql.raw(`excluded.${column.name}`)]),
);

async function upsertArticle(tx: Executor, row: CaseRow, now: Date): Promise<void> {
  await tx
    .insert(publicArticles)
    .values(await articleRow(tx, row, now))
    .onConflictDoUpdate({ target: [publicArticles.cityCode, publicArticles.caseId], set: proposed });
}

/**
 * The published articles as the case transaction keeps them (run by `createStepper` after every
 * write of a case, as the public postings are): an article case in its published state has its row
 * written; in any other state (taken down, back in review) its row is deleted in the same
 * transaction, so the site never shows an article a step has taken off.
 */
export function articleProjection(registry: PluginRegistry): CaseProjection {
  const meaning = publishedArticle(registry);
  return async (tx, row, { now }) => {
    if (!meaning || row.processId !== meaning.process) return;
    if (row.state !== meaning.state) {
      await tx.delete(publicArticles).where(ofCase(row));
      return;
    }
    await upsertArticle(tx, row, now);
  };
}
