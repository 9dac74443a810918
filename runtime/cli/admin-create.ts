import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { hashPassword, passwordProblems } from '../auth/index.ts';
import { readConfig, StartupRefusal } from '../config.ts';
import { auditLog, orgUnits, users } from '../db/schema/index.ts';
import { MINISTRY_ID } from '../organisation/ministry.ts';
import { openRuntime } from '../startup.ts';
import { argument, Prompt } from './prompt.ts';

/**
 * `npm run admin:create -- [--username NAME] [--name 显示名] [--org ORG_UNIT]`: creates an
 * administrator, the first account of a production installation (which has no other way in).
 * The password is typed twice, unseen, and must meet the policy; the administrator sets up the
 * second factor at the first sign-in. The org unit defaults to the installation's city.
 */
async function main(): Promise<void> {
  const config = readConfig();
  const { rt, handle } = await openRuntime(config, () => undefined);
  const prompt = new Prompt();
  try {
    const username = argument('username') ?? (await prompt.ask('用户名 username: '));
    if (!/^[a-z][a-z0-9._-]{2,31}$/.test(username)) throw new StartupRefusal('用户名须为 3-32 位小写字母、数字或 ._- the username is 3-32 lower-case letters, digits or ._-, starting with a letter');
    const [taken] = await rt.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new StartupRefusal(`用户名已存在 the username ${username} is taken`);
    const displayName = argument('name') ?? (await prompt.ask('姓名 display name: '));
    if (displayName === '') throw new StartupRefusal('姓名不能为空 the display name is empty');
    const [city] = await rt.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.kind, 'city')).limit(1);
    const orgUnitId = argument('org') ?? city?.id ?? MINISTRY_ID;
    const [unit] = await rt.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
    if (!unit) throw new StartupRefusal(`没有这个机构 no org unit ${orgUnitId}`);

    let password = '';
    for (let attempt = 1; password === ''; attempt++) {
      const first = await prompt.ask('密码 password: ', { secret: true });
      const problems = passwordProblems(first, username);
      const again = problems.length === 0 ? await prompt.ask('再次输入 password again: ', { secret: true }) : '';
      if (problems.length > 0) console.log(`密码不符合要求 the password does not meet the policy: ${problems.map((p) => `${p.reason['zh-CN']} (${p.reason.en})`).join('; ')}`);
      else if (again !== first) console.log('两次输入不一致 the two entries differ');
      else password = first;
      if (password === '' && attempt >= 3) throw new StartupRefusal('三次未设置成功 no acceptable password after three tries');
    }

    const id = randomUUID();
    const now = rt.clock();
    await rt.db.transaction(async (tx) => {
      await tx.insert(users).values({ id, username, passwordHash: await hashPassword(password), displayName, role: 'admin', orgUnitId: unit.id, passwordChangedAt: now, createdAt: now });
      await tx.insert(auditLog).values({ actorId: null, action: 'user.create', target: id, details: { username, role: 'admin', orgUnitId: unit.id, by: 'admin:create' }, at: now });
    });
    console.log(`已创建管理员 created administrator ${username} (${displayName}) at ${unit.name} ${unit.id}`);
  } finally {
    prompt.close();
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(`未创建 not created: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
