import { PlatformError } from '../../engine/index.ts';
import type { PublicAccount } from '../public-accounts/types.ts';

/** The person of an active citizen account; any other account may not act as a citizen. */
export function citizenPerson(account: PublicAccount): string {
  if (account.kind !== 'citizen' || account.status !== 'active' || !account.personId) throw new PlatformError('ROLE_NOT_PERMITTED', { details: { account: account.id } });
  return account.personId;
}

/** The employer of an active, verified employer account; any other account may not act as an employer. */
export function accountEmployer(account: PublicAccount): string {
  if (account.kind !== 'employer' || account.status !== 'active' || !account.employerId) throw new PlatformError('ROLE_NOT_PERMITTED', { details: { account: account.id } });
  return account.employerId;
}
