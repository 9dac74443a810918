import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows, type DatabaseHandle } from '../../runtime/db/index.ts';
import { backends } from '../support/test-runtime.ts';
import { migrateWith, migrationsBefore, openEmpty } from '../support/migrations-before.ts';

const MIGRATION = '0012_nationwide_statuses';

/** The records of the previous release: two cities, a registration definition, persons and their approved cases. */
function previousRelease(handle: DatabaseHandle) {
  const user = randomUUID();
  const definition = randomUUID();
  let n = 0;
  const setUp = async () => {
    for (const city of ['350200', '350100']) {
      await handle.db.execute(sql`INSERT INTO org_units (id, kind, name, path, city_code) VALUES (${`${city}-01`}, 'office', '公共就业服务中心', ${`/${city}-01/`}, ${city})`);
    }
    await handle.db.execute(sql`INSERT INTO users (id, username, password_hash, display_name, role, org_unit_id) VALUES (${user}, 'migrator', 'x', '迁移', 'caseworker', '350200-01')`);
    await handle.db.execute(sql`INSERT INTO definitions (id, process_id, version, plugin_id, plugin_version, scope_org_unit_id, definition, hash)
      VALUES (${definition}, 'unemployment-registration', 1, 'unemployment-registration', '1.0.0', '350200-01', '{}', 'x')`);
  };
  /** A person of `city` with the ID number's blind index `index`, registered unemployed or not, and the day its registration was approved, if by a case; returns the case's id, else the person's. */
  const person = async (city: string, index: string, status: 'registered' | 'none', approvedOn?: string) => {
    const id = randomUUID();
    n++;
    const statuses = status === 'registered' ? { unemploymentStatus: 'registered' } : {};
    await handle.db.execute(sql`INSERT INTO persons (city_code, id, id_number, id_number_index, name, gender, birth_date, org_unit_id, created_by, statuses)
      VALUES (${city}, ${id}, ${`sealed-${n}`}, ${index}, ${`人员${n}`}, 'male', '1980-01-01', ${`${city}-01`}, ${user}, ${JSON.stringify(statuses)}::jsonb)`);
    if (!approvedOn) return id;
    const caseId = randomUUID();
    const at = `${approvedOn}T02:00:00.000Z`;
    await handle.db.execute(sql`INSERT INTO cases (city_code, id, case_no, process_id, definition_id, plugin_id, plugin_version, subject_type, subject_id, org_unit_id, org_path, state, status, snapshot, data, version, created_at, updated_at)
      VALUES (${city}, ${caseId}, ${`SY-${n}`}, 'unemployment-registration', ${definition}, 'unemployment-registration', '1.0.0', 'person', ${id}, ${`${city}-01`}, ${`/${city}-01/`}, 'registered', 'active', '{}', '{}', 3, ${at}::timestamptz, ${at}::timestamptz)`);
    await handle.db.execute(sql`INSERT INTO case_events (city_code, case_id, seq, process_id, definition_id, from_state, to_state, event, actor_id, actor_name, actor_role, org_unit_id, entered_at, left_at, data)
      VALUES (${city}, ${caseId}, 3, 'unemployment-registration', ${definition}, 'submitted', 'registered', 'approve', ${user}, '审核员', 'reviewer', ${`${city}-01`}, ${at}::timestamptz, ${at}::timestamptz, '{}')`);
    return caseId;
  };
  return { setUp, person };
}

describe.each(backends)('the migration to nationwide statuses (%s)', (backend) => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('carries the registered unemployed over, one per ID number, keeping the registration approved first where two cities hold one, without failing', async () => {
    const handle = await openEmpty(backend, 'nationwide');
    try {
      const previous = migrationsBefore(MIGRATION);
      folders.push(previous);
      await migrateWith(backend, handle, previous);
      const { setUp, person } = previousRelease(handle);
      await setUp();
      // Registered in both cities before the table: 福州's approval came first.
      await person('350200', 'index-a', 'registered', '2026-03-01');
      const fuzhouFirst = await person('350100', 'index-a', 'registered', '2026-02-01');
      // Registered in one city, the status set without a case.
      await person('350200', 'index-b', 'registered');
      // Registered in both cities, neither by a case: the lower city code is kept.
      await person('350200', 'index-c', 'registered');
      await person('350100', 'index-c', 'registered');
      // A case beats no case, whatever the city.
      const xiamenByCase = await person('350200', 'index-d', 'registered', '2026-04-01');
      await person('350100', 'index-d', 'registered');
      // Not registered: nothing to carry.
      await person('350200', 'index-e', 'none');

      await handle.migrate();

      const rows = await queryRows<{ id_number_index: string; status_key: string; value: string; city_code: string; case_id: string | null }>(
        handle.db,
        sql`SELECT id_number_index, status_key, value, city_code, case_id FROM nationwide_statuses ORDER BY id_number_index`,
      );
      const registered = { status_key: 'unemploymentStatus', value: 'registered' };
      expect(rows).toEqual([
        { id_number_index: 'index-a', ...registered, city_code: '350100', case_id: fuzhouFirst },
        { id_number_index: 'index-b', ...registered, city_code: '350200', case_id: null },
        { id_number_index: 'index-c', ...registered, city_code: '350100', case_id: null },
        { id_number_index: 'index-d', ...registered, city_code: '350200', case_id: xiamenByCase },
      ]);
      // The holder follows its person's blind index when the index key is rotated.
      await handle.db.execute(sql`UPDATE persons SET id_number_index = 'index-a2' WHERE city_code = '350100' AND id_number_index = 'index-a'`);
      const [moved] = await queryRows<{ id_number_index: string }>(handle.db, sql`SELECT id_number_index FROM nationwide_statuses WHERE city_code = '350100' AND case_id = ${fuzhouFirst}`);
      expect(moved!.id_number_index).toBe('index-a2');
    } finally {
      await handle.close();
    }
  });
});
