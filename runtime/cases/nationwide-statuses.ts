import { sql } from 'drizzle-orm';
import { PlatformError, type NationwideExclusion } from '../../engine/index.ts';
import { nationwideStatuses, persons } from '../db/schema/index.ts';
import type { Transaction } from '../db/index.ts';
import type { CaseRow, StepWriter } from '../runtime-context.ts';

/** A status a package declares nationwide, as the subject's step sets it. */
export interface NationwideSet {
  key: string;
  value: string;
  /** Whether `value` is the declared default: the status is given up. */
  isDefault: boolean;
  exclusion: NationwideExclusion;
}

/**
 * Takes or gives up a nationwide status beyond this database (a province's at the national node),
 * in the step's transaction after this database took or gave it up; throws to refuse the step.
 */
export type NationwideClaim = (tx: Transaction, row: CaseRow, set: NationwideSet) => Promise<void>;

/**
 * Takes or gives up a nationwide status for the case's person, gathered with the step's other
 * writes. Taking it inserts the row keyed by the person's ID number (blind index) and the status,
 * or updates it if this city's record holds it already; if another city's record holds it, the
 * upsert writes nothing and the step is refused with the declared rule, as a rule of the process
 * would refuse it. Two cities taking it at the same moment meet at the key: the second waits for
 * the first to commit, then finds it held. Giving it up deletes the row this city's record holds.
 */
export function setNationwideStatus(writes: StepWriter, row: CaseRow, set: NationwideSet, now: Date): Promise<void> {
  const table = nationwideStatuses;
  const person = sql`SELECT ${persons.idNumberIndex} FROM ${persons} WHERE ${persons.cityCode} = ${row.cityCode} AND ${persons.id} = ${row.subjectId}`;
  if (set.isDefault) {
    return writes.write(
      table,
      sql`DELETE FROM ${table} WHERE ${table.idNumberIndex} = (${person}) AND ${table.statusKey} = ${set.key} AND ${table.cityCode} = ${row.cityCode} RETURNING 1`,
    );
  }
  // Columns named bare where PostgreSQL wants them so (the insert's column list, `excluded`).
  const statement = sql`INSERT INTO ${table} (id_number_index, status_key, value, city_code, case_id, updated_at)
    SELECT ${persons.idNumberIndex}, ${set.key}, ${set.value}, ${persons.cityCode}, ${row.id}::uuid, ${now.toISOString()}::timestamptz
    FROM ${persons} WHERE ${persons.cityCode} = ${row.cityCode} AND ${persons.id} = ${row.subjectId} AND ${persons.idNumberIndex} IS NOT NULL
    ON CONFLICT (id_number_index, status_key) DO UPDATE SET value = excluded.value, case_id = excluded.case_id, updated_at = excluded.updated_at
    WHERE ${table.cityCode} = excluded.city_code
    RETURNING 1`;
  return writes.write(table, statement, (written) => {
    if (written === 1) return;
    const violation = { rule: set.exclusion.rule, message: set.exclusion.message };
    throw new PlatformError('RULE_VIOLATION', { details: { violations: [violation], status: set.key } });
  });
}
