import { Engine } from 'bpmn-engine';
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { queryRows, type Database } from '../../runtime/db/index.ts';
import { drive } from './step-paths.ts';
import { fiveStepBpmn, stepsPerCase } from './five-step.flow.ts';

/** Starts `count` bpmn-engine instances of the five-step process and stores each state. */
export async function startBpmnInstances(db: Database, count: number): Promise<string[]> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_bpmn_instances (id uuid PRIMARY KEY, state jsonb NOT NULL, version integer NOT NULL)`);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const engine = new Engine({ name: 'five', source: fiveStepBpmn });
    await engine.execute({ listener: new EventEmitter() });
    const id = randomUUID();
    await db.execute(sql`INSERT INTO bench_bpmn_instances (id, state, version) VALUES (${id}, ${JSON.stringify(await engine.getState())}::jsonb, 1)`);
    ids.push(id);
  }
  return ids;
}

/** One bpmn-engine step as a peer of ours: load the state, recover, signal the waiting task, save the state, in one transaction. */
async function bpmnStep(db: Database, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await queryRows<{ state: unknown; version: number }>(tx, sql`SELECT state, version FROM bench_bpmn_instances WHERE id = ${id} FOR UPDATE`);
    const state = typeof row!.state === 'string' ? JSON.parse(row!.state) : row!.state;
    const engine = new Engine().recover(state);
    const execution = await engine.resume({ listener: new EventEmitter() });
    execution.getPostponed()[0]!.signal({ note: '材料已核对' });
    await tx.execute(sql`UPDATE bench_bpmn_instances SET state = ${JSON.stringify(await engine.getState())}::jsonb, version = version + 1 WHERE id = ${id}`);
  });
}

/** Steps every instance through its five tasks with `concurrency` workers; returns steps per second. */
export async function bpmnStepsPerSecond(db: Database, ids: readonly string[], concurrency: number): Promise<number> {
  const seconds = await drive(ids, concurrency, stepsPerCase, (id) => bpmnStep(db, id));
  return (ids.length * stepsPerCase) / seconds;
}
