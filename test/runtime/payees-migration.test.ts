import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../runtime/db/index.ts';
import { backends } from '../support/test-runtime.ts';
import { migrateWith, migrationsBefore, openEmpty } from '../support/migrations-before.ts';

const MIGRATION = '0013_payees';

describe.each(backends)('the migration to payees (%s)', (backend) => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it("keeps the ledger items and payments of the previous release, each paying the case's own person, and persons without an account", async () => {
    const handle = await openEmpty(backend, 'payees');
    try {
      const previous = migrationsBefore(MIGRATION);
      folders.push(previous);
      await migrateWith(backend, handle, previous);

      const [user, reviewer, person, item, batch, payment, caseId] = Array.from({ length: 7 }, () => randomUUID());
      await handle.db.execute(sql`INSERT INTO org_units (id, kind, name, path, city_code) VALUES ('350200-01', 'office', '公共就业服务中心', '/350200-01/', '350200')`);
      await handle.db.execute(sql`INSERT INTO users (id, username, password_hash, display_name, role, org_unit_id) VALUES (${user}, 'maker', 'x', '经办', 'caseworker', '350200-01')`);
      await handle.db.execute(sql`INSERT INTO persons (city_code, id, id_number, id_number_index, name, gender, birth_date, org_unit_id, created_by)
        VALUES ('350200', ${person}, 'sealed-id', 'index-1', '黄志明', 'male', '1980-03-15', '350200-01', ${user})`);
      await handle.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at)
        VALUES ('350200', ${item}, ${person}, 'sealed-id', 'index-1', '黄志明', 'public-welfare-post', 'public-welfare-post', '2026-11', 'employment-subsidy', 190000, ${caseId}, ${user}, ${reviewer}, now())`);
      await handle.db.execute(sql`INSERT INTO payment_batches (city_code, id, batch_no, fund, status, payment_count, total_fen, issued_by, issued_at)
        VALUES ('350200', ${batch}, 'PB350200202612020001', 'employment-subsidy', 'issued', 1, 190000, ${user}, now())`);
      await handle.db.execute(sql`INSERT INTO payments (city_code, id, payment_no, item_id, batch_id, id_number, id_number_index, person_name, amount_fen, status, created_at, updated_at)
        VALUES ('350200', ${payment}, 'PB35020020261202000100001', ${item}, ${batch}, 'sealed-id', 'index-1', '黄志明', 190000, 'issued', now(), now())`);

      await handle.migrate();

      const items = await queryRows<{ id: string; amount_fen: string | number; payee_kind: string; payee_code: string | null; payee_account: string | null }>(
        handle.db,
        sql`SELECT id, amount_fen, payee_kind, payee_code, payee_account FROM ledger_items`,
      );
      expect(items.map((i) => ({ ...i, amount_fen: Number(i.amount_fen) }))).toEqual([{ id: item, amount_fen: 190000, payee_kind: 'person', payee_code: null, payee_account: null }]);
      const paid = await queryRows<{ id: string; status: string; payee_kind: string | null; id_number: string }>(handle.db, sql`SELECT id, status, payee_kind, id_number FROM payments`);
      expect(paid).toEqual([{ id: payment, status: 'issued', payee_kind: null, id_number: 'sealed-id' }]);
      const persons = await queryRows<{ payment_account: string | null; payment_bank: string | null }>(handle.db, sql`SELECT payment_account, payment_bank FROM persons`);
      expect(persons).toEqual([{ payment_account: null, payment_bank: null }]);
      // The once key still holds across the new columns.
      let refused = false;
      try {
        await handle.db.execute(sql`INSERT INTO ledger_items (city_code, id, person_id, id_number, id_number_index, person_name, subsidy_type, item, period, fund, amount_fen, case_id, prepared_by, approved_by, approved_at, payee_kind, payee_code)
          VALUES ('350200', ${randomUUID()}, ${person}, 'sealed-id', 'index-1', '黄志明', 'public-welfare-post', 'public-welfare-post', '2026-11', 'employment-subsidy', 190000, ${caseId}, ${user}, ${reviewer}, now(), 'employer', '123502034265103M7Y')`);
      } catch {
        refused = true;
      }
      expect(refused).toBe(true);
    } finally {
      await handle.close();
    }
  });
});
