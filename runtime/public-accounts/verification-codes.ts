import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { createHash, randomInt } from 'node:crypto';
import { PlatformError } from '../../engine/index.ts';
import { publicVerificationCodes } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import type { SmsSender } from './sms-sender.ts';

/** A code is good for this long. */
const CODE_MINUTES = 10;
/** A new code for the same mobile no sooner than this. */
const RESEND_SECONDS = 60;
/** Wrong tries after which a code is spent. */
const MAX_TRIES = 5;

export type CodePurpose = 'signup';

function hashCode(mobileIndex: string, code: string): string {
  return createHash('sha256').update(`${mobileIndex}:${code}`).digest('hex');
}

/**
 * Sends a fresh six-digit code to a mobile for a purpose, replacing any earlier one; only its hash
 * is kept, under the mobile's blind index. A second code within a minute is refused (429). Returns
 * the code only when the sender lets the page show it (the demo sender).
 */
export async function sendVerificationCode(rt: RuntimeContext, sender: SmsSender, mobile: string, purpose: CodePurpose): Promise<{ shownCode: string | null }> {
  const now = rt.clock();
  const mobileIndex = rt.cipher.index(mobile);
  const [earlier] = await rt.db.select({ sentAt: publicVerificationCodes.sentAt }).from(publicVerificationCodes).where(and(eq(publicVerificationCodes.mobileIndex, mobileIndex), eq(publicVerificationCodes.purpose, purpose)));
  if (earlier && now.getTime() - earlier.sentAt.getTime() < RESEND_SECONDS * 1000) {
    throw new PlatformError('AUTH_THROTTLED', { details: { field: 'mobile', retryAfterSeconds: Math.ceil(RESEND_SECONDS - (now.getTime() - earlier.sentAt.getTime()) / 1000) } });
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await sender.send(mobile, code);
  const row = { mobileIndex, purpose, codeHash: hashCode(mobileIndex, code), attempts: 0, sentAt: now, expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000) };
  await rt.db.insert(publicVerificationCodes).values(row).onConflictDoUpdate({ target: [publicVerificationCodes.mobileIndex, publicVerificationCodes.purpose], set: row });
  return { shownCode: sender.showsCodeOnPage ? code : null };
}

/**
 * Spends the code sent to a mobile if it is the one typed, still good and not tried too often (one
 * statement, so a code is spent once however many requests bring it); otherwise counts the wrong
 * try and refuses (`VERIFICATION_CODE_INVALID`, field `code`).
 */
export async function spendVerificationCode(rt: RuntimeContext, mobile: string, purpose: CodePurpose, code: string): Promise<void> {
  const mobileIndex = rt.cipher.index(mobile);
  const ofMobile = and(eq(publicVerificationCodes.mobileIndex, mobileIndex), eq(publicVerificationCodes.purpose, purpose));
  const spent = await rt.db
    .delete(publicVerificationCodes)
    .where(and(ofMobile, eq(publicVerificationCodes.codeHash, hashCode(mobileIndex, code.trim())), gt(publicVerificationCodes.expiresAt, rt.clock()), lt(publicVerificationCodes.attempts, MAX_TRIES)))
    .returning({ purpose: publicVerificationCodes.purpose });
  if (spent.length === 1) return;
  await rt.db.update(publicVerificationCodes).set({ attempts: sql`${publicVerificationCodes.attempts} + 1` }).where(ofMobile);
  throw new PlatformError('VERIFICATION_CODE_INVALID', { details: { field: 'code' } });
}
