import { and, count, eq } from 'drizzle-orm';
import { userByUsername } from '../auth/index.ts';
import { calendarInForce } from '../calendar/index.ts';
import { cases, orgUnits } from '../db/schema/index.ts';
import { insertDemoPublicAccounts } from './demo-public-accounts.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { difficultyScenes } from './demo-scenes/difficulty.ts';
import { internshipScenes } from './demo-scenes/internship.ts';
import { jobMatchingScenes } from './demo-scenes/job-matching.ts';
import { labourSurveyScenes } from './demo-scenes/labour-survey.ts';
import { personnelFileScenes } from './demo-scenes/personnel-file.ts';
import { Story } from './demo-scenes/story.ts';
import { subsidyScenes } from './demo-scenes/subsidies.ts';
import { unemploymentScenes } from './demo-scenes/unemployment.ts';
import { vocationalGuidanceScenes } from './demo-scenes/vocational-guidance.ts';

/** What the demo story created. */
export interface DemoCasesReport {
  cases: number;
  persons: number;
  employers: number;
}

/**
 * Fills an empty demo database with a living system: a story of about 75 days (opening earlier
 * late in a quarter, so that the last ended quarter holds a job seeker's registration), played through
 * the runtime services by the demo caseworker, reviewer and supervisor on a clock that moves
 * forward and fires the timers on the way. Every process ends up with cases in several states
 * (waiting for intake or review, some overdue, others paid or completed), coordination has
 * acted (an employment registration cancelled an unemployment registration, closed a guidance
 * case and ended an internship; a dismissal prompted a registration draft and a benefit
 * application), benefit months have been paid,
 * and a payment batch of the employment subsidy fund is issued. Some steps were taken after
 * their deadline, so the on-time figures are not all 100%.
 *
 * Runs only while there are no cases at all: a second call changes nothing and returns zeros.
 * The story is one transaction: a start killed half-way leaves nothing of it, and the next start
 * tells it again (rather than meeting its first persons as duplicates on every start).
 */
export async function seedDemoCases(rt: RuntimeContext, progress: (message: string) => void): Promise<DemoCasesReport> {
  return rt.db.transaction(async (tx) => {
    const inTx: RuntimeContext = { ...rt, db: tx };
    const [existing] = await tx.select({ value: count() }).from(cases);
    if (Number(existing?.value ?? 0) > 0) return { cases: 0, persons: 0, employers: 0 };

    const staff = {
      caseworker: await userByUsername(inTx, 'caseworker'),
      reviewer: await userByUsername(inTx, 'reviewer'),
      supervisor: await userByUsername(inTx, 'supervisor'),
    };
    const story = new Story(inTx, staff, await calendarInForce(tx, inTx, staff.caseworker.orgUnit.path));
    progress(`演示业务 demo cases: a story from ${story.dateOf(story.opening(0))} to today, employers first…`);
    await story.registerEmployers();
    const scenes = [unemploymentScenes, jobMatchingScenes, difficultyScenes, subsidyScenes, vocationalGuidanceScenes, internshipScenes, labourSurveyScenes, personnelFileScenes];
    await story.play(scenes, progress);
    const office = staff.caseworker.orgUnit;
    const [cityOrgUnit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.kind, 'city'), eq(orgUnits.cityCode, office.cityCode!)));
    story.created.persons += await insertDemoPublicAccounts(inTx, { cityCode: office.cityCode!, orgUnitId: cityOrgUnit!.id }, (key) => story.employer(key));

    const [created] = await tx.select({ value: count() }).from(cases);
    return { cases: Number(created?.value ?? 0), ...story.created };
  });
}
