import type { MigrationReport } from '../types.ts';

/** The cases a migration report says can move (a dry run) or moved (a run). */
export function movableIds(report: MigrationReport): string[] {
  return report.cases.filter((c) => c.canMove).map((c) => c.caseId);
}

/** What differs between a dry run and a later dry run or run, as counts for a message. */
export type MigrationDrift = {
  before: number;
  after: number;
  fromVersion: number;
  toVersion: number;
};

/**
 * Whether `later` (a fresh dry run, or the run) would move, or moved, other cases or onto another
 * version than `planned` promised: a version published, a case moved, closed, opened or changed
 * meanwhile. Null when they agree.
 */
export function migrationDrift(planned: MigrationReport, later: MigrationReport): MigrationDrift | null {
  const before = movableIds(planned);
  const after = movableIds(later);
  const same = planned.toVersion === later.toVersion && before.length === after.length && before.every((id) => after.includes(id)) && planned.cases.length === later.cases.length;
  return same ? null : { before: before.length, after: after.length, fromVersion: planned.toVersion, toVersion: later.toVersion };
}
