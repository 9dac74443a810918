import { and, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { PlatformError, type Actor } from '../../engine/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits } from '../db/schema/index.ts';

const parents = alias(orgUnits, 'parents');

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
 * The office that takes a piece of a city's online work: the public employment service office of
 * the county it belongs to (`350203` → 思明区's office), whose window and review posts see it in their
 * inbox, as they would see the employer at their counter; the city's own office (`350200-01`) when
 * the county has none or is not the city's.
 */
export async function serviceOffice(db: Executor, cityCode: string, county: string | undefined): Promise<{ id: string; path: string }> {
  const offices = await db
    .select({ id: orgUnits.id, path: orgUnits.path, parentKind: parents.kind })
    .from(orgUnits)
    .innerJoin(parents, eq(parents.id, orgUnits.parentId))
    .where(and(eq(orgUnits.kind, 'office'), eq(orgUnits.cityCode, cityCode), or(eq(parents.kind, 'city'), county !== undefined && /^\d{6}$/.test(county) ? eq(parents.id, county) : sql`false`)))
    .orderBy(orgUnits.id);
  const office = offices.find((each) => each.parentKind !== 'city') ?? offices[0];
  if (!office) throw new PlatformError('NOT_FOUND', { details: { office: cityCode } });
  return { id: office.id, path: office.path };
}
