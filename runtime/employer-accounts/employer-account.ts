import { and, eq } from 'drizzle-orm';
import { PlatformError, type Actor } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits } from '../db/schema/index.ts';

/**
 * The parts of a signed-in public account (`PublicAccount`, `public-accounts/types.ts`) an
 * employer's services read, declared here by shape so that this folder and `public-accounts/`
 * (which opens the verification case at sign-up, through this folder) do not import each other.
 */
export interface EmployerAccount {
  id: string;
  kind: 'citizen' | 'employer';
  status: string;
  cityCode: string;
  displayName: string;
  employerId: string | null;
}

/** The employers row an active, verified employer account acts for; anything else is refused as the public site refuses a page it may not show. */
export function employerOf(account: EmployerAccount): string {
  if (account.kind !== 'employer' || account.status !== 'active' || account.employerId === null) {
    throw new PlatformError('ROLE_NOT_PERMITTED', { details: { account: account.id, kind: account.kind, status: account.status } });
  }
  return account.employerId;
}

/** The account as the engine records who acted: the applicant, at the office the case belongs to. */
export function applicantActor(account: Pick<EmployerAccount, 'id' | 'displayName'>, orgUnitId: string): Actor {
  return { id: account.id, name: account.displayName, role: 'applicant', post: null, orgUnit: orgUnitId };
}

/**
 * The office that takes a city's online work: the public employment service office right under the
 * city's unit (`350200-01`, 厦门市公共就业服务中心), whose window and review posts see it in their inbox.
 */
export async function cityOffice(db: Executor, cityCode: string): Promise<{ id: string; path: string }> {
  const [city] = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.kind, 'city'), eq(orgUnits.cityCode, cityCode))).limit(1);
  const [office] = city ? await db.select({ id: orgUnits.id, path: orgUnits.path }).from(orgUnits).where(and(eq(orgUnits.parentId, city.id), eq(orgUnits.kind, 'office'))).orderBy(orgUnits.id).limit(1) : [];
  if (!office) throw new PlatformError('NOT_FOUND', { details: { cityOffice: cityCode } });
  return office;
}
