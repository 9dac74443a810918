import { count } from 'drizzle-orm';
import { userByUsername } from '../auth/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import { cases } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { difficultyScenes } from './demo-scenes/difficulty.ts';
import { jobMatchingScenes } from './demo-scenes/job-matching.ts';
import { Story } from './demo-scenes/story.ts';
import { subsidyScenes } from './demo-scenes/subsidies.ts';
import { unemploymentScenes } from './demo-scenes/unemployment.ts';

/** What the demo story created. */
export interface DemoCasesReport {
  cases: number;
  persons: number;
  employers: number;
}

/**
 * Fills an empty demo database with a living system: a story of about 75 days, played through
 * the runtime services by the demo caseworker, reviewer and supervisor on a clock that moves
 * forward and fires the timers on the way. Every process ends up with cases in several states
 * (waiting for intake or review, some overdue, others paid or completed), coordination has
 * acted (an employment registration cancelled an unemployment registration; a dismissal
 * prompted a registration draft and a benefit application), benefit months have been paid,
 * and a payment batch of the employment subsidy fund is issued. Some steps were taken after
 * their deadline, so the on-time figures are not all 100%.
 *
 * Runs only while there are no cases at all: a second call changes nothing and returns zeros.
 */
export async function seedDemoCases(rt: RuntimeContext, progress: (message: string) => void): Promise<DemoCasesReport> {
  const [existing] = await rt.db.select({ value: count() }).from(cases);
  if (Number(existing?.value ?? 0) > 0) return { cases: 0, persons: 0, employers: 0 };

  const staff = {
    caseworker: await userByUsername(rt, 'caseworker'),
    reviewer: await userByUsername(rt, 'reviewer'),
    supervisor: await userByUsername(rt, 'supervisor'),
  };
  const story = new Story(rt, staff, await calendarInForce(rt.db, rt, staff.caseworker.orgUnit.path));
  progress(`演示业务 demo cases: a story from ${story.dateOf(0)} to today, employers first…`);
  await story.registerEmployers();
  await story.play([unemploymentScenes, jobMatchingScenes, difficultyScenes, subsidyScenes], progress);

  const [created] = await rt.db.select({ value: count() }).from(cases);
  return { cases: Number(created?.value ?? 0), ...story.created };
}
