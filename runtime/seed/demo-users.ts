import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { posts, userPosts, users } from '../db/schema/index.ts';

/** A demo account: where it sits and at which post. */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: (typeof users.$inferInsert)['role'];
  orgUnitId: string;
  post?: string;
}

/** The demo accounts, one per role; every password is `demo`. `place` says where each one sits. */
export const demoProfiles = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', place: 'city' },
  { username: 'ministry-admin', displayName: '部级系统管理员', role: 'admin', place: 'ministry' },
  { username: 'provincial-admin', displayName: '省级系统管理员', role: 'admin', place: 'province' },
  { username: 'configurator', displayName: '市级配置员', role: 'configurator', place: 'city' },
  { username: 'provincial', displayName: '省级配置员', role: 'configurator', place: 'province' },
  { username: 'caseworker', displayName: '失业登记经办员', role: 'caseworker', place: 'office', post: 'unemployment-window' },
  { username: 'reviewer', displayName: '失业登记审核员', role: 'reviewer', place: 'office', post: 'unemployment-review' },
  { username: 'supervisor', displayName: '业务科长', role: 'reviewer', place: 'office', post: 'supervisor' },
  { username: 'evaluator', displayName: '省级评估员', role: 'evaluator', place: 'province' },
  { username: 'auditor', displayName: '安全审计员', role: 'auditor', place: 'city' },
] as const satisfies readonly (Omit<DemoAccount, 'orgUnitId'> & { place: 'ministry' | 'province' | 'city' | 'office' })[];

/** The demo accounts placed in a city tree. */
export function demoAccounts(ids: { ministry: string; province: string; city: string; office: string }): DemoAccount[] {
  return demoProfiles.map(({ place, ...profile }) => ({ ...profile, orgUnitId: ids[place] }));
}

/** Creates the accounts that do not exist yet, flagged as demo. Returns how many were created. */
export async function insertDemoUsers(db: Executor, accounts: readonly DemoAccount[], password = 'demo'): Promise<number> {
  let created = 0;
  for (const account of accounts) {
    const [post] = account.post
      ? await db.select({ id: posts.id }).from(posts).where(and(eq(posts.orgUnitId, account.orgUnitId), eq(posts.code, account.post)))
      : [];
    const inserted = await db
      .insert(users)
      .values({
        id: randomUUID(),
        username: account.username,
        passwordHash: await hashPassword(password),
        displayName: account.displayName,
        role: account.role,
        orgUnitId: account.orgUnitId,
        demo: true,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (inserted[0] && post) await db.insert(userPosts).values({ userId: inserted[0].id, postId: post.id });
    created += inserted.length;
  }
  return created;
}
