import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { employers, publicAccounts } from '../db/schema/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
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
  const { phone, phoneMasked } = sealPhone(cipher, DEMO_EMPLOYER.mobile);
  await db.insert(publicAccounts).values({
    id: randomUUID(),
    cityCode: employer.cityCode,
    kind: 'employer',
    status: 'active',
    loginIndex: DEMO_EMPLOYER.creditCode,
    displayName: DEMO_EMPLOYER.name,
    mobile: phone!,
    mobileMasked: phoneMasked!,
    personId: null,
    employerId: employer.id,
    creditCode: DEMO_EMPLOYER.creditCode,
    agentName: cipher.encrypt(DEMO_EMPLOYER.agentName),
    passwordHash: await hashPassword(DEMO_EMPLOYER.password),
    createdAt: now,
    updatedAt: now,
  });
  return true;
}
