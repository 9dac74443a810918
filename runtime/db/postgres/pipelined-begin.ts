import type { Sql, TransactionSql } from 'postgres';

/** Swallows the rejection of a statement whose error the transaction reports another way. */
const ignore = () => undefined;

/**
 * The client drizzle is given, with a `begin` that costs no round trip of its own. postgres.js's
 * `begin` waits for BEGIN's answer before the transaction's first statement; this one sends BEGIN
 * and lets the first statement follow it on the same connection, so both travel together (a
 * connection runs what it is sent in order, and a failed BEGIN fails what follows). Savepoints
 * (drizzle's nested transactions) are sent the same way. Everything else is postgres.js's own.
 */
export function withPipelinedBegin(client: Sql): Sql {
  const begin = async <T>(fn: (sql: TransactionSql) => T | Promise<T>): Promise<T> => {
    const connection = await client.reserve();
    let savepoints = 0;
    const savepoint = async <U>(inner: (sql: TransactionSql) => U | Promise<U>): Promise<U> => {
      const name = `s${savepoints++}`;
      const set = connection.unsafe(`SAVEPOINT ${name}`);
      set.catch(ignore);
      try {
        const result = await inner(transaction);
        await set;
        return result;
      } catch (error) {
        await connection.unsafe(`ROLLBACK TO SAVEPOINT ${name}`);
        throw error;
      }
    };
    const transaction = Object.assign(connection, { savepoint }) as unknown as TransactionSql;
    try {
      const begun = connection.unsafe('BEGIN');
      begun.catch(ignore);
      const result = await fn(transaction);
      await begun;
      // A statement nobody awaited may have failed: the server then answers COMMIT by rolling back.
      const committed = await connection.unsafe('COMMIT');
      if (committed.command === 'ROLLBACK') throw new Error('the transaction failed and was rolled back');
      return result;
    } catch (error) {
      await connection.unsafe('ROLLBACK').catch(ignore);
      throw error;
    } finally {
      connection.release();
    }
  };
  return new Proxy(client, { get: (target, property, receiver) => (property === 'begin' ? begin : Reflect.get(target, property, receiver)) });
}
