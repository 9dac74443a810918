import { and, eq } from 'drizzle-orm';
import { recordAccess, type RequestOrigin } from '../audit/index.ts';
import { orgUnits } from '../db/schema/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import type { PublicAccountKind } from './types.ts';

/** What the access log records of public accounts, beside the staff's `auth.*`: a sign-in, a refused one, a lock, a sign-out, a sign-up. */
export type PublicAccessAction = 'public.login' | 'public.failure' | 'public.lock' | 'public.logout' | 'public.signup';

/** A request's origin when the caller has none to give (a service called from a script or a test). */
export const NO_ORIGIN: RequestOrigin = { address: null, requestId: null };

/** One public account's event: the account when one is known, its kind, the city whose site it was on. */
export interface PublicAccessEvent {
  action: PublicAccessAction;
  kind: PublicAccountKind;
  cityCode: string;
  account: { id: string; displayName: string } | null;
  origin: RequestOrigin;
  /** Nothing that identifies a person in the clear: a login goes in as its blind index ({@link loginBlindIndex}). */
  details?: Record<string, unknown>;
}

/**
 * The blind index of the login typed, for an attempt no account can be named for. A citizen's is
 * already one (the ID number's); an employer's credit code is indexed too, since what was typed in
 * the credit code's place may be anything, a citizen's ID number included.
 */
export function loginBlindIndex(rt: RuntimeContext, kind: PublicAccountKind, loginIndex: string): string {
  return kind === 'citizen' ? loginIndex : rt.cipher.index(loginIndex);
}

/**
 * Records a public account's event in the access log, as staff sign-ins are: the account (its id
 * and name) as the actor, its kind as the role, and the city's org unit, so that the city's
 * auditors find it in their subtree (an attempt on a city the platform does not serve is filed
 * under none, which every auditor sees). Never a password, an ID number or a mobile number.
 */
export async function recordPublicAccess(rt: RuntimeContext, event: PublicAccessEvent): Promise<void> {
  const [city] = await rt.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'city'), eq(orgUnits.cityCode, event.cityCode)))
    .limit(1);
  await recordAccess(rt.db, {
    actor: { id: event.account?.id ?? null, name: event.account?.displayName ?? null, role: event.kind, orgUnitId: city?.id ?? null },
    action: event.action,
    origin: event.origin,
    at: rt.clock(),
    details: { kind: event.kind, ...event.details },
  });
}
