import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '../db/index.ts';
import type { ImportTarget } from './import-kind.ts';

/** A batch as it was written: its first and last row numbers, how many rows it held, the ids of the records written. */
export interface CopiedBatch {
  rows: number;
  first: number | null;
  last: number | null;
  ids: string[];
}

/**
 * Copies the next `size` staged rows of an import after row `cursor` into the target table and
 * deletes them from the staging area, as one statement: the values never leave the database, a
 * row registered since the dry run is skipped on the target's unique key, and every record is
 * marked with the import.
 */
export async function copyBatch(tx: Transaction, target: ImportTarget, job: { cityCode: string; id: string; cursor: number; orgUnitId: string; createdBy: string }, size: number, now: Date): Promise<CopiedBatch> {
  const name = (column: string) => sql.identifier(column);
  const columns = [...['city_code', 'id', 'import_id', 'org_unit_id', 'created_by'], ...target.stamped, ...target.columns.map((c) => c.column)];
  const at = now.toISOString();
  const values = [
    sql`${job.cityCode}`,
    sql`gen_random_uuid()`,
    sql`${job.id}::uuid`,
    sql`${job.orgUnitId}`,
    sql`${job.createdBy}::uuid`,
    ...target.stamped.map(() => sql`${at}::timestamptz`),
    ...target.columns.map((c) => sql`(v ->> ${c.key})::${sql.raw(c.type)}`),
  ];
  const [result] = await queryRows<{ rows: number | string; first: number | null; last: number | null; ids: string[] | string }>(
    tx,
    sql`WITH batch AS (
          SELECT row_no, "values" AS v FROM import_rows
          WHERE city_code = ${job.cityCode} AND job_id = ${job.id}::uuid AND row_no > ${job.cursor}
          ORDER BY row_no LIMIT ${size}),
        written AS (
          INSERT INTO ${name(target.table)} (${sql.join(columns.map(name), sql`, `)})
          SELECT ${sql.join(values, sql`, `)} FROM batch ORDER BY row_no
          ON CONFLICT (${sql.join(target.conflict.map(name), sql`, `)}) DO NOTHING
          RETURNING id),
        purged AS (
          DELETE FROM import_rows
          WHERE city_code = ${job.cityCode} AND job_id = ${job.id}::uuid AND row_no > ${job.cursor} AND row_no <= (SELECT max(row_no) FROM batch))
        SELECT (SELECT count(*) FROM batch) AS rows, (SELECT min(row_no) FROM batch) AS first, (SELECT max(row_no) FROM batch) AS last,
          (SELECT coalesce(json_agg(id), '[]'::json) FROM written) AS ids`,
  );
  const ids = typeof result!.ids === 'string' ? (JSON.parse(result!.ids) as string[]) : result!.ids;
  return { rows: Number(result!.rows), first: result!.first, last: result!.last, ids };
}
