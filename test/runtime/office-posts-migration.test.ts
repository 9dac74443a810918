import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { backends } from '../support/test-runtime.ts';
import { migrateWith, migrationsBefore, openEmpty } from '../support/migrations-before.ts';

describe.each(backends)('the migration to offices keeping their own posts (%s)', (backend) => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('marks the offices of the previous release as carrying the standard catalogue, and no other unit', async () => {
    const handle = await openEmpty(backend, 'office_posts');
    try {
      const previous = migrationsBefore('0016_office_posts');
      folders.push(previous);
      await migrateWith(backend, handle, previous);
      await handle.db.execute(sql`INSERT INTO org_units (id, kind, name, path, city_code) VALUES
        ('350200', 'city', '厦门市', '/350200/', '350200'),
        ('350200-01', 'office', '厦门市公共就业服务中心', '/350200/350200-01/', '350200')`);
      await handle.migrate();
      const rows = await queryRows<{ id: string; standard_posts: boolean }>(handle.db, sql`SELECT id, standard_posts FROM org_units ORDER BY id`);
      expect(rows).toEqual([
        { id: '350200', standard_posts: false },
        { id: '350200-01', standard_posts: true },
      ]);
    } finally {
      await handle.close();
    }
  });
});
