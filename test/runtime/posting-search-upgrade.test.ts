import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as pgliteDrizzle } from 'drizzle-orm/pglite';
import { migrate as pgliteMigrate } from 'drizzle-orm/pglite/migrator';
import { drizzle as postgresDrizzle } from 'drizzle-orm/postgres-js';
import { migrate as postgresMigrate } from 'drizzle-orm/postgres-js/migrator';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../runtime/db/database.ts';
import { openPglite, openScratchPostgres, queryRows, type DatabaseHandle } from '../../runtime/db/index.ts';
import { searchPostings } from '../../runtime/postings/posting-search.ts';
import { backends } from '../support/test-runtime.ts';
import { outOfLineValues } from '../support/toast.ts';

/** The migrations up to and including `last`, in a folder of their own. */
function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  mkdirSync(join(dir, 'meta'), { recursive: true });
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx <= last) }));
  return dir;
}

async function open(backend: (typeof backends)[number]): Promise<DatabaseHandle> {
  return backend === 'pglite' ? openPglite(undefined, { sharedBuffers: '16MB' }) : openScratchPostgres(process.env['TEST_DATABASE_URL']!, 'upgrade');
}

async function migrateFrom(handle: DatabaseHandle, folder: string): Promise<void> {
  const client = (handle.db as unknown as { $client: PGlite | Sql }).$client;
  if (handle.backend === 'pglite') await pgliteMigrate(pgliteDrizzle({ client: client as PGlite }), { migrationsFolder: folder });
  else await postgresMigrate(postgresDrizzle({ client: client as Sql }), { migrationsFolder: folder });
}

/**
 * Migration 0033 on an installation with postings published before it: each posting's words move
 * to its search row (every word once, the title's and occupation's words for relevance) and the
 * posting is found as before.
 */
describe.each(backends)('the search rows of postings published before migration 0033 (%s)', (backend) => {
  let handle: DatabaseHandle;
  let folder: string;

  beforeAll(async () => {
    handle = await open(backend);
    folder = migrationsUpTo(32);
    await migrateFrom(handle, folder);
    await handle.db.execute(sql`
      INSERT INTO public_postings (city_code, case_id, case_no, title, employer_id, employer_name, employer_credit_code, work_area, district, work_area_name,
        occupation, occupation_name, pay_min_fen, pay_max_fen, pay_basis, monthly_min_fen, monthly_max_fen, education, employment_form, headcount, duties,
        valid_from, valid_until, published_at, updated_at, search)
      VALUES ('350200', '2b1f6a3e-4c1d-4e0a-9f1e-0c6f1d2a3b4c', 'VP3502002026000001', '财务会计', '7d0e2c1b-3a4f-4b5c-8d6e-1f2a3b4c5d6e', '厦门海沧示例物流有限公司',
        '91350205MA00000001', '350205', '350205', '海沧区', '2-06-03-00', '会计专业人员', 600000, 750000, 'monthly', 600000, 750000, '20', 'full-time', 1,
        '编制财务报表。', '2026-11-02', '2026-12-31', '2026-11-02T01:00:00Z', '2026-11-02T01:00:00Z',
        '''财务'':1A ''会计'':2A,5A ''海沧'':3B ''物流'':4B ''报表'':6C,7C ''专业'':8A')`);
    await handle.migrate();
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('gives each posting its search row: every word once without positions, the title and occupation words with theirs', async () => {
    const rows = await queryRows<{ case_id: string; district: string; words: string; rank_words: string }>(handle.db, sql`SELECT case_id, district, words::text AS words, rank_words::text AS rank_words FROM public_posting_search`);
    expect(rows).toEqual([{ case_id: '2b1f6a3e-4c1d-4e0a-9f1e-0c6f1d2a3b4c', district: '350205', words: "'专业' '会计' '报表' '海沧' '物流' '财务'", rank_words: "'专业':8A '会计':2A,5A '财务':1A" }]);
    const columns = await queryRows<{ column_name: string }>(handle.db, sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'public_postings' AND column_name = 'search'`);
    expect(columns).toEqual([]);
  });

  it('finds the posting by a word of its title, its duties or its employer, as before', async () => {
    const now = new Date('2026-11-03T00:00:00Z');
    for (const q of ['会计', '报表', '海沧']) expect((await searchPostings(handle.db, now, { q })).items.map((item) => item.caseNo), q).toEqual(['VP3502002026000001']);
    expect((await searchPostings(handle.db, now, { q: '司机' })).total).toBe(0);
  });
});

/**
 * Migration 0047 on an installation with search rows written before it: each row's words move out
 * of the row (TOAST), read back and found as before, and a row written after it goes the same way.
 */
describe.each(backends)('the search rows written before migration 0047 (%s)', (backend) => {
  let handle: DatabaseHandle;
  let folder: string;
  const posting = (caseId: string, caseNo: string) => sql`
    INSERT INTO public_postings (city_code, case_id, case_no, title, employer_id, employer_name, employer_credit_code, work_area, district, work_area_name,
      occupation, occupation_name, pay_min_fen, pay_max_fen, pay_basis, monthly_min_fen, monthly_max_fen, education, employment_form, headcount, duties,
      valid_from, valid_until, published_at, updated_at)
    VALUES ('350200', ${caseId}, ${caseNo}, '财务会计', '7d0e2c1b-3a4f-4b5c-8d6e-1f2a3b4c5d6e', '厦门海沧示例物流有限公司',
      '91350205MA00000001', '350205', '350205', '海沧区', '2-06-03-00', '会计专业人员', 600000, 750000, 'monthly', 600000, 750000, '20', 'full-time', 1,
      '编制财务报表。', '2026-11-02', '2026-12-31', '2026-11-02T01:00:00Z', '2026-11-02T01:00:00Z')`;
  const searchRow = (caseId: string) => sql`
    INSERT INTO public_posting_search (city_code, case_id, district, occupation, industry_section, education, employment_form, monthly_min_fen, monthly_max_fen, published_at, valid_until, words, rank_words)
    VALUES ('350200', ${caseId}, '350205', '2-06-03-00', NULL, '20', 'full-time', 600000, 750000, '2026-11-02T01:00:00Z', '2026-12-31',
      '''专业'' ''会计'' ''报表'' ''海沧'' ''物流'' ''财务''', '''专业'':8A ''会计'':2A,5A ''财务'':1A')`;
  const words = () => queryRows<{ case_no: string; words: string }>(handle.db, sql`SELECT p.case_no, s.words::text AS words FROM public_posting_search s JOIN public_postings p USING (city_code, case_id) ORDER BY p.case_no`);

  beforeAll(async () => {
    handle = await open(backend);
    folder = migrationsUpTo(41);
    await migrateFrom(handle, folder);
    await handle.db.execute(posting('2b1f6a3e-4c1d-4e0a-9f1e-0c6f1d2a3b4c', 'VP3502002026000001'));
    await handle.db.execute(searchRow('2b1f6a3e-4c1d-4e0a-9f1e-0c6f1d2a3b4c'));
  }, 120_000);
  afterAll(async () => {
    await handle?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('moves the words of the rows there out of them, unchanged and found as before, and keeps a new row\'s out too', async () => {
    // Before: a row of about 300 bytes keeps its words in.
    expect(await outOfLineValues(handle.db, 'public_posting_search')).toBe(0);
    await handle.migrate();
    expect(await outOfLineValues(handle.db, 'public_posting_search')).toBe(1);
    const now = new Date('2026-11-03T00:00:00Z');
    for (const q of ['会计', '报表', '海沧']) expect((await searchPostings(handle.db, now, { q })).items.map((item) => item.caseNo), q).toEqual(['VP3502002026000001']);
    await handle.db.execute(posting('3c2a7b4f-5d2e-4f1b-8a2f-1d7a2e3b4c5d', 'VP3502002026000002'));
    await handle.db.execute(searchRow('3c2a7b4f-5d2e-4f1b-8a2f-1d7a2e3b4c5d'));
    expect(await outOfLineValues(handle.db, 'public_posting_search')).toBe(2);
    const all = "'专业' '会计' '报表' '海沧' '物流' '财务'";
    expect(await words()).toEqual([{ case_no: 'VP3502002026000001', words: all }, { case_no: 'VP3502002026000002', words: all }]);
    const counted = await searchPostings(handle.db, now, { q: '会计', district: '350205' });
    expect(counted.total).toBe(2);
    expect(counted.facets.district).toEqual([{ value: '350205', count: 2 }]);
  });
});
