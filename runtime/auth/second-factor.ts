import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import { recordAccess, type RequestOrigin } from '../audit/access-log.ts';
import { users } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { accountRow, actorOfUser } from './account-row.ts';
import type { SessionUser } from './session-user.ts';
import { matchTotp, newTotpSecret, otpauthUri, base32 } from './totp.ts';

type UserRow = typeof users.$inferSelect;

const RECOVERY_CODES = 10;
const hashCode = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest('hex');

/**
 * The second factor at sign-in: `none` when the account has none, `missing` when it has one and
 * no code came, `ok` when the code is right (a one-time code for a step not used before, or an
 * unused recovery code, which is then spent), `wrong` otherwise.
 */
export async function checkSecondFactor(rt: RuntimeContext, user: UserRow, code: string | undefined, now: Date): Promise<'none' | 'missing' | 'ok' | 'wrong'> {
  if (!user.totpEnabledAt || !user.totpSecret) return 'none';
  if (!code) return 'missing';
  const step = matchTotp(Buffer.from(rt.cipher.decrypt(user.totpSecret), 'base64'), code.trim(), now);
  // Spent by a conditional write: of two sign-ins with one code at the same moment, one gets it.
  const spent =
    step !== null
      ? await rt.db
          .update(users)
          .set({ totpLastStep: step })
          .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
          .returning({ id: users.id })
      : await rt.db
          .update(users)
          .set({ recoveryCodes: sql`${users.recoveryCodes} - ${hashCode(code)}::text` })
          .where(and(eq(users.id, user.id), sql`${users.recoveryCodes} @> ${JSON.stringify([hashCode(code)])}::jsonb`))
          .returning({ id: users.id });
  return spent.length > 0 ? 'ok' : 'wrong';
}

/**
 * Starts setting up a second factor: a new secret, kept encrypted, to be scanned as a QR code
 * (`otpauth://`) or typed; it is in force only once a code from it is confirmed. A factor
 * already in force cannot be replaced this way.
 */
export async function setUpSecondFactor(rt: RuntimeContext, user: SessionUser) {
  const row = await accountRow(rt, user.id);
  if (row.totpEnabledAt) throw new PlatformError('DUPLICATE_RECORD', { message: { 'zh-CN': '已绑定动态口令', en: 'A second factor is already set up' } });
  const secret = newTotpSecret();
  await rt.db.update(users).set({ totpSecret: rt.cipher.encrypt(secret.toString('base64')), totpLastStep: null }).where(eq(users.id, user.id));
  return { secret: base32(secret), uri: otpauthUri(secret, user.username) };
}

/**
 * Puts the second factor in force once a code from the new secret is right, and returns ten
 * recovery codes, shown this once (only their hashes are kept). Recorded.
 */
export async function enableSecondFactor(rt: RuntimeContext, user: SessionUser, code: string, origin: RequestOrigin) {
  const row = await accountRow(rt, user.id);
  if (!row.totpSecret || row.totpEnabledAt) throw new PlatformError('TRANSITION_NOT_AVAILABLE', { details: { secondFactor: row.totpEnabledAt ? 'in force' : 'not set up' } });
  const now = rt.clock();
  const step = matchTotp(Buffer.from(rt.cipher.decrypt(row.totpSecret), 'base64'), code.trim(), now);
  if (step === null) throw new PlatformError('AUTH_INVALID_CREDENTIALS', { message: { 'zh-CN': '动态口令不正确', en: 'The one-time code is wrong' } });
  const codes = Array.from({ length: RECOVERY_CODES }, () => randomBytes(5).toString('hex').toUpperCase().replace(/(.{5})/, '$1-'));
  await rt.db.update(users).set({ totpEnabledAt: now, totpLastStep: step, recoveryCodes: codes.map(hashCode) }).where(eq(users.id, user.id));
  await recordAccess(rt.db, { actor: actorOfUser(user), action: 'auth.second-factor', origin, at: now });
  return { recoveryCodes: codes };
}
