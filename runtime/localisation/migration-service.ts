import { and, asc, eq, like, ne } from 'drizzle-orm';
import { chinaDate, diffDefinitions, type Definition } from '../../engine/index.ts';
import { actorOf, type SessionUser } from '../auth/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import type { Executor } from '../db/index.ts';
import { auditLog, caseEvents, cases } from '../db/schema/index.ts';
import { publishedDefinition, type PublishedDefinition } from '../plugins/index.ts';
import { openCaseData } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { definitionAt } from './layers.ts';

type CaseRow = typeof cases.$inferSelect;

/** Why a case cannot move to the new version. */
interface MigrationProblem {
  code: 'STATE_MISSING' | 'FORM_INVALID';
  element: string;
  details?: unknown;
}

/** What moving one case would do, or why it cannot. */
export interface CaseMigration {
  caseId: string;
  caseNo: string;
  state: string;
  fromVersion: number;
  toVersion: number;
  canMove: boolean;
  problems: MigrationProblem[];
  /** Differences in the case's current state between its version and the new one. */
  changes: ReturnType<typeof diffDefinitions>;
}

/**
 * Whether a case can move: its state must exist in the target, and the data of every step it
 * took must satisfy the target's form for that step (a field made required, an enumeration
 * narrowed). Steps the target no longer has are history and are not re-checked.
 */
async function assess(db: Executor, cipher: FieldCipher, row: CaseRow, from: PublishedDefinition, to: PublishedDefinition): Promise<CaseMigration> {
  const problems: MigrationProblem[] = [];
  const target = to.definition.states[row.state];
  if (!target) problems.push({ code: 'STATE_MISSING', element: `states.${row.state}` });
  const steps = await db
    .select({ fromState: caseEvents.fromState, event: caseEvents.event, data: caseEvents.data, leftAt: caseEvents.leftAt })
    .from(caseEvents)
    .where(and(eq(caseEvents.cityCode, row.cityCode), eq(caseEvents.caseId, row.id)))
    .orderBy(asc(caseEvents.seq));
  for (const step of steps) {
    const form = step.fromState ? to.definition.states[step.fromState]?.on[step.event]?.form : undefined;
    if (!form) continue;
    // Checked as it was entered, on the day it was entered: personal values are kept encrypted.
    const fields = to.compiled.validateForm(form, openCaseData(cipher, step.data, true), { today: chinaDate(step.leftAt) });
    if (fields.length > 0) problems.push({ code: 'FORM_INVALID', element: `states.${step.fromState}.on.${step.event}`, details: { form, fields } });
  }
  const stateOf = (definition: Definition) => definition.states[row.state] ?? null;
  return {
    caseId: row.id,
    caseNo: row.caseNo,
    state: row.state,
    fromVersion: from.version,
    toVersion: to.version,
    canMove: problems.length === 0,
    problems,
    changes: diffDefinitions(stateOf(from.definition), stateOf(to.definition), `states.${row.state}`),
  };
}

/** Moves one case in its own transaction, re-assessed under the row lock, written as a step is (`rt.stepper.migrate`). */
async function moveCase(rt: RuntimeContext, user: SessionUser, caseId: string, to: PublishedDefinition): Promise<CaseMigration | undefined> {
  return rt.db.transaction(async (tx) => {
    const [row] = await tx.select().from(cases).where(and(eq(cases.id, caseId), eq(cases.status, 'active'))).for('update');
    if (!row || row.definitionId === to.id) return undefined;
    const from = await publishedDefinition(tx, rt.registry, row.definitionId);
    const assessed = await assess(tx, rt.cipher, row, from, to);
    if (assessed.canMove) await rt.stepper.migrate(tx, rt, row, from, to, actorOf(user));
    return assessed;
  });
}

/**
 * Moves the running cases of a process under the user's level onto the version in force there.
 * A dry run lists, per case, whether it can move and what would change; the real run moves
 * those that can, each in its own transaction as the engine's `migrate` decides (the task and
 * timers of its state under the new version, a `migrate` record in its history), and audits the
 * run. Cases that cannot move stay on their version.
 */
export async function migrateCases(rt: RuntimeContext, user: SessionUser, processId: string, options: { dryRun: boolean }) {
  const inForce = await definitionAt(rt.db, user.orgUnit.path, processId);
  const to = await publishedDefinition(rt.db, rt.registry, inForce.definitionId);
  const underLevel = await rt.db
    .select()
    .from(cases)
    .where(and(eq(cases.processId, processId), eq(cases.status, 'active'), ne(cases.definitionId, to.id), like(cases.orgPath, `${user.orgUnit.path}%`)))
    .orderBy(asc(cases.createdAt));
  // Only cases for which this level's version is the one in force: a province leaves the cases
  // of a city with a version of its own to that city.
  const inForceAt = new Map<string, string>();
  const running = [];
  for (const row of underLevel) {
    if (!inForceAt.has(row.orgPath)) inForceAt.set(row.orgPath, (await definitionAt(rt.db, row.orgPath, processId)).definitionId);
    if (inForceAt.get(row.orgPath) === to.id) running.push(row);
  }
  const results: CaseMigration[] = [];
  if (options.dryRun) {
    for (const row of running) results.push(await assess(rt.db, rt.cipher, row, await publishedDefinition(rt.db, rt.registry, row.definitionId), to));
  } else {
    for (const row of running) {
      const moved = await moveCase(rt, user, row.id, to);
      if (moved) results.push(moved);
    }
    const movedIds = results.filter((r) => r.canMove).map((r) => r.caseId);
    await rt.db.insert(auditLog).values({
      cityCode: user.orgUnit.cityCode,
      actorId: user.id,
      action: 'cases.migrate',
      target: to.id,
      details: { processId, toVersion: to.version, moved: movedIds, refused: results.filter((r) => !r.canMove).map((r) => r.caseId) },
      at: rt.clock(),
    });
  }
  return { processId, toVersion: to.version, toDefinitionId: to.id, dryRun: options.dryRun, cases: results };
}

