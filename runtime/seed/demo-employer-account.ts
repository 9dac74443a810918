import { and, eq } from 'drizzle-orm';
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import type { Executor } from '../db/index.ts';
import { employers, publicAccounts } from '../db/schema/index.ts';
import { sealPhone } from '../privacy/index.ts';

/**
 * The demo's employer account on the public site (demo mode only): 厦门鹭源财务咨询有限公司 of the demo
 * story, verified, signing in with its credit code and this password, which the sign-in page shows
 * in demo mode only. The agent and the mobile are made up.
 */
export const DEMO_EMPLOYER = {
  creditCode: '91350203MA8T6K2R9J',
  name: '厦门鹭源财务咨询有限公司',
  password: 'Luyuan-demo-2026',
  agentName: '陈晓玲',
  mobile: '13950000001',
} as const;

/** An employer's account as the demo writes it, without the sign-up's text message. */
export interface DemoEmployerAccount {
  cityCode: string;
  creditCode: string;
  name: string;
  agentName: string;
  mobile: string;
  /** None: a password nobody knows (an account the demo only shows in the workbench). */
  password?: string;
  status: 'active' | 'pending';
  employerId: string | null;
}

/** Writes an employer account as sign-up and verification leave one: the mobile and the agent's name sealed, the credit code its login. */
export async function insertEmployerAccount(db: Executor, cipher: FieldCipher, now: Date, account: DemoEmployerAccount): Promise<{ id: string; displayName: string; cityCode: string }> {
  const { phone, phoneMasked } = sealPhone(cipher, account.mobile);
  const [inserted] = await db
    .insert(publicAccounts)
    .values({
      id: randomUUID(),
      cityCode: account.cityCode,
      kind: 'employer',
      status: account.status,
      loginIndex: account.creditCode,
      displayName: account.name,
      mobile: phone!,
      mobileMasked: phoneMasked!,
      personId: null,
      employerId: account.employerId,
      creditCode: account.creditCode,
      agentName: cipher.encrypt(account.agentName),
      passwordHash: await hashPassword(account.password ?? randomBytes(18).toString('base64')),
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: publicAccounts.id, displayName: publicAccounts.displayName, cityCode: publicAccounts.cityCode });
  return inserted!;
}

/**
 * Writes the demo employer's account, active on its record in the employer register, once the demo
 * story has registered the employer; writes nothing when the account is there or the employer is not.
 * Returns whether it wrote it.
 */
export async function insertDemoEmployerAccount(db: Executor, cipher: FieldCipher, now: Date): Promise<boolean> {
  const [employer] = await db.select({ id: employers.id, cityCode: employers.cityCode }).from(employers).where(eq(employers.creditCode, DEMO_EMPLOYER.creditCode)).limit(1);
  if (!employer) return false;
  const [existing] = await db
    .select({ id: publicAccounts.id })
    .from(publicAccounts)
    .where(and(eq(publicAccounts.cityCode, employer.cityCode), eq(publicAccounts.kind, 'employer'), eq(publicAccounts.loginIndex, DEMO_EMPLOYER.creditCode)))
    .limit(1);
  if (existing) return false;
  await insertEmployerAccount(db, cipher, now, { ...DEMO_EMPLOYER, cityCode: employer.cityCode, status: 'active', employerId: employer.id });
  return true;
}
