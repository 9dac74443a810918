import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { asc, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { persons } from '../../runtime/db/schema/index.ts';
import { backends } from '../support/test-runtime.ts';
import { migrateWith, migrationsBefore, openEmpty } from '../support/migrations-before.ts';

const MIGRATION = '0011_person_statuses';

describe.each(backends)('the migration to declared statuses (%s)', (backend) => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('carries the status columns of existing persons into `statuses`, leaving out `none`, and drops the columns', async () => {
    const handle = await openEmpty(backend, 'statuses');
    try {
      const previous = migrationsBefore(MIGRATION);
      folders.push(previous);
      // The drizzle database the handle holds, migrated by the backend's own migrator as far as the previous release.
      await migrateWith(backend, handle, previous);

      const user = randomUUID();
      await handle.db.execute(sql`INSERT INTO org_units (id, kind, name, path, city_code) VALUES ('350200-01', 'office', '厦门市公共就业服务中心', '/350200-01/', '350200')`);
      await handle.db.execute(sql`INSERT INTO users (id, username, password_hash, display_name, role, org_unit_id) VALUES (${user}, 'migrator', 'x', '迁移', 'caseworker', '350200-01')`);
      const person = async (n: number, unemployment: string, employment: string, difficulty: string) => {
        await handle.db.execute(sql`
          INSERT INTO persons (city_code, id, id_number, name, gender, birth_date, org_unit_id, created_by, unemployment_status, employment_status, difficulty_status)
          VALUES ('350200', ${`00000000-0000-4000-8000-00000000000${n}`}, ${`id-${n}`}, ${`人员${n}`}, 'male', '1980-01-01', '350200-01', ${user}, ${unemployment}, ${employment}, ${difficulty})`);
      };
      await person(1, 'none', 'none', 'none');
      await person(2, 'registered', 'none', 'recognized');
      await person(3, 'none', 'employed', 'none');
      await person(4, 'registered', 'employed', 'recognized');

      await handle.migrate();

      const rows = await handle.db.select({ statuses: persons.statuses }).from(persons).orderBy(asc(persons.id));
      expect(rows.map((row) => row.statuses)).toEqual([
        {},
        { unemploymentStatus: 'registered', difficultyStatus: 'recognized' },
        { employmentStatus: 'employed' },
        { unemploymentStatus: 'registered', employmentStatus: 'employed', difficultyStatus: 'recognized' },
      ]);
      const columns = await queryRows<{ column_name: string }>(
        handle.db,
        sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'persons' AND column_name LIKE '%status%' ORDER BY column_name`,
      );
      expect(columns.map((c) => c.column_name)).toEqual(['statuses']);
    } finally {
      await handle.close();
    }
  });
});
