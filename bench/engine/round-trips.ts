/**
 * Counts what a PostgreSQL client sends: statements, and round trips, that is the times the client
 * sent something and then waited for the server. Statements sent in the same turn of the event
 * loop travel together (postgres.js pipelines them on the connection), so they are one round trip.
 * Meant for one case stepped at a time: at concurrency 1 the count is per step.
 */
export class StatementCounter {
  statements = 0;
  roundTrips = 0;
  #sending = false;

  readonly onStatement = (): void => {
    this.statements++;
    if (this.#sending) return;
    this.roundTrips++;
    this.#sending = true;
    setImmediate(() => (this.#sending = false));
  };

  reset(): void {
    this.statements = 0;
    this.roundTrips = 0;
  }
}
