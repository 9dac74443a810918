import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScratchPostgres, queryRows, type DatabaseHandle } from '../../runtime/db/index.ts';
import { postgresUrl } from '../support/test-runtime.ts';

/** Transactions whose BEGIN travels with their first statement keep every guarantee of one that waits for it. */
describe.skipIf(!postgresUrl)('transactions with BEGIN sent along (postgres)', () => {
  let handle: DatabaseHandle;
  const rows = async () => (await queryRows<{ note: string }>(handle.db, sql`SELECT note FROM notes ORDER BY note`)).map((r) => r.note);

  beforeAll(async () => {
    handle = await openScratchPostgres(postgresUrl!, 't');
    await handle.db.execute(sql`CREATE TABLE notes (note text PRIMARY KEY)`);
  });
  afterAll(() => handle.close());

  it('commits what the transaction wrote', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO notes VALUES ('kept')`);
    });
    expect(await rows()).toEqual(['kept']);
  });

  it('writes nothing when a statement fails, and reports that statement', async () => {
    const attempt = handle.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO notes VALUES ('rolled back')`);
      await tx.execute(sql`INSERT INTO notes VALUES ('kept')`);
    });
    await expect(attempt).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(await rows()).toEqual(['kept']);
  });

  it('undoes a failed savepoint alone and keeps the rest of the transaction', async () => {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO notes VALUES ('outer')`);
      await expect(
        tx.transaction(async (savepoint) => {
          await savepoint.execute(sql`INSERT INTO notes VALUES ('inner')`);
          await savepoint.execute(sql`INSERT INTO notes VALUES ('kept')`);
        }),
      ).rejects.toMatchObject({ cause: { code: '23505' } });
      await tx.execute(sql`INSERT INTO notes VALUES ('after')`);
    });
    expect(await rows()).toEqual(['after', 'kept', 'outer']);
  });

  it('does not commit when a statement nobody awaited failed', async () => {
    const attempt = handle.db.transaction(async (tx) => {
      tx.execute(sql`INSERT INTO notes VALUES ('kept')`).then(
        () => undefined,
        () => undefined,
      );
      await tx.execute(sql`INSERT INTO notes VALUES ('not kept')`).catch(() => undefined);
    });
    await expect(attempt).rejects.toThrow(/rolled back/);
    expect(await rows()).toEqual(['after', 'kept', 'outer']);
  });
});
