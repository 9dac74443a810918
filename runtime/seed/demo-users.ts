import { and, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { posts, userPosts, users } from '../db/schema/index.ts';
import { SUPERVISOR_POST } from '../organisation/supervisor-post.ts';
import { standardPosts } from './org-tree.ts';

/** A demo account: where it sits and at which post, or posts (a generalist window holds several). */
export interface DemoAccount {
  username: string;
  displayName: string;
  role: (typeof users.$inferInsert)['role'];
  orgUnitId: string;
  post?: string | readonly string[];
}

const codes = standardPosts.map((post) => post.code);
/** Every review post of an office (审核岗). */
export const reviewPosts = codes.filter((code) => code.endsWith('-review'));
/** Every service window of an office: the posts that are neither a review nor the supervisor's (a generalist window holds them all). */
export const windowPosts = codes.filter((code) => !reviewPosts.includes(code) && code !== SUPERVISOR_POST);

/**
 * The demo accounts, one per role, plus two clerks of one post each; every password is `demo`.
 * `place` says where each one sits. The caseworker is a generalist window (综合窗口, common in small
 * offices) holding every window post, and the reviewer every review post, so the demo and the
 * suite walk every process with them; the supervisor (业务科长) holds every review post too, and
 * takes the second check where the reviewer may not (maker-checker); the clerks show a post's tasks
 * going to its holders only.
 */
export const demoProfiles = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', place: 'city' },
  { username: 'ministry-admin', displayName: '部级系统管理员', role: 'admin', place: 'ministry' },
  { username: 'provincial-admin', displayName: '省级系统管理员', role: 'admin', place: 'province' },
  { username: 'configurator', displayName: '市级配置员', role: 'configurator', place: 'city' },
  { username: 'provincial', displayName: '省级配置员', role: 'configurator', place: 'province' },
  { username: 'caseworker', displayName: '综合窗口经办员', role: 'caseworker', place: 'office', post: windowPosts },
  { username: 'reviewer', displayName: '综合审核员', role: 'reviewer', place: 'office', post: reviewPosts },
  { username: 'unemployment-clerk', displayName: '失业登记窗口经办员', role: 'caseworker', place: 'office', post: 'unemployment-window' },
  { username: 'subsidy-clerk', displayName: '补贴受理岗经办员', role: 'caseworker', place: 'office', post: 'subsidy-window' },
  { username: 'supervisor', displayName: '业务科长', role: 'reviewer', place: 'office', post: [SUPERVISOR_POST, ...reviewPosts] },
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
    const held = account.post === undefined ? [] : typeof account.post === 'string' ? [account.post] : account.post;
    const postRows = held.length ? await db.select({ id: posts.id }).from(posts).where(and(eq(posts.orgUnitId, account.orgUnitId), inArray(posts.code, [...held]))) : [];
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
    if (inserted[0] && postRows.length) await db.insert(userPosts).values(postRows.map((post) => ({ userId: inserted[0]!.id, postId: post.id })));
    created += inserted.length;
  }
  return created;
}
