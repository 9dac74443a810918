import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { queryRows, type Transaction } from '../db/index.ts';
import type { StepWriter } from '../runtime-context.ts';

interface PendingWrite {
  statement: SQL;
  table: string;
  /** Called with the rows the statement wrote; throws to abort the step (the transaction rolls back). */
  check: ((rows: number) => void) | undefined;
}

/**
 * The writes of one step that need nothing back but how many rows they touched (the case's new
 * snapshot, the performance record, tasks and timers closed and opened), gathered and sent as one
 * statement: each write a data-modifying `WITH` part, so a step costs one round trip for all of
 * them instead of one each. Everything else (a certificate number, the outbox, the ledger) runs as
 * before, after `flush` has sent what was gathered, so it sees every earlier write.
 *
 * The parts of one statement share one snapshot and do not see each other's changes. Inserts never
 * need to; an update must see earlier writes to its table (closing a task the same step opened, a
 * second update of one row), so an update of a table already written sends what was gathered first,
 * and the statements run in the order the step made them.
 */
export class StepWrites implements StepWriter {
  readonly #tx: Transaction;
  #pending: PendingWrite[] = [];

  constructor(tx: Transaction) {
    this.#tx = tx;
  }

  insert<T extends PgTable>(table: T, values: PgInsertValue<T>): void {
    const statement = this.#tx.insert(table).values(values).returning({ written: sql`1` }).getSQL();
    this.#pending.push({ statement, table: getTableName(table), check: undefined });
  }

  /** Gathers an update; `check` receives how many rows it updated. Returns at once unless the table was written already. */
  update<T extends PgTable>(table: T, set: PgUpdateSetSource<T>, where: SQL, check?: (rows: number) => void): Promise<void> {
    return this.write(table, this.#tx.update(table).set(set).where(where).returning({ written: sql`1` }).getSQL(), check);
  }

  /**
   * Gathers any other data-modifying statement on `table` (an insert that reads, an upsert, a
   * delete), written with `RETURNING` so that `check` receives how many rows it wrote. Like an
   * update, it sends what was gathered first if the table was written already.
   */
  async write(table: PgTable, statement: SQL, check?: (rows: number) => void): Promise<void> {
    const name = getTableName(table);
    if (this.#pending.some((write) => write.table === name)) await this.flush();
    this.#pending.push({ statement, table: name, check });
  }

  /** Sends what was gathered as one statement and runs each write's check. */
  async flush(): Promise<void> {
    const writes = this.#pending;
    if (writes.length === 0) return;
    this.#pending = [];
    const parts = writes.map((write, i) => sql`${sql.raw(`w${i}`)} AS (${write.statement})`);
    const counts = writes.map((_, i) => sql.raw(`(SELECT count(*) FROM w${i})::int AS w${i}`));
    const [written] = await queryRows<Record<string, number>>(this.#tx, sql`WITH ${sql.join(parts, sql`, `)} SELECT ${sql.join(counts, sql`, `)}`);
    writes.forEach((write, i) => write.check?.(Number(written![`w${i}`])));
  }
}
