import { and, desc, eq, sql } from 'drizzle-orm';
import { cases, employers, jobApplications } from '../db/schema/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { citizenPerson } from './accounts.ts';

/** One of the citizen's applications as `/my` lists it: the posting, the employer, where it stands. */
export interface MyApplication {
  id: string;
  postingId: string;
  title: string;
  employerName: string;
  state: (typeof jobApplications.$inferSelect)['state'];
  createdAt: string;
}

/** The citizen's applications, newest first, with each one's state as the employer left it. */
export async function myApplications(rt: RuntimeContext, account: PublicAccount): Promise<MyApplication[]> {
  const personId = citizenPerson(account);
  const rows = await rt.db
    .select({
      id: jobApplications.id,
      postingId: jobApplications.vacancyCaseId,
      title: sql<string>`coalesce(${cases.data}->>'title', '')`,
      employerName: employers.name,
      state: jobApplications.state,
      createdAt: jobApplications.createdAt,
    })
    .from(jobApplications)
    .innerJoin(cases, and(eq(cases.cityCode, jobApplications.cityCode), eq(cases.id, jobApplications.vacancyCaseId)))
    .innerJoin(employers, and(eq(employers.cityCode, jobApplications.cityCode), eq(employers.id, jobApplications.employerId)))
    .where(and(eq(jobApplications.cityCode, account.cityCode), eq(jobApplications.personId, personId)))
    .orderBy(desc(jobApplications.createdAt), desc(jobApplications.id));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}

/** Whether the citizen has applied to a posting already (the posting page says so instead of offering the form). */
export async function hasApplied(rt: RuntimeContext, account: PublicAccount, postingId: string): Promise<boolean> {
  if (account.kind !== 'citizen' || !account.personId) return false;
  const [row] = await rt.db
    .select({ id: jobApplications.id })
    .from(jobApplications)
    .where(and(eq(jobApplications.cityCode, account.cityCode), eq(jobApplications.personId, account.personId), eq(jobApplications.vacancyCaseId, postingId)))
    .limit(1);
  return row !== undefined;
}
