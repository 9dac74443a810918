import { and, eq } from 'drizzle-orm';
import { isPlatformError } from '../../engine/index.ts';
import { maskPhone } from '../../forms/index.ts';
import type { FieldCipher } from '../crypto/index.ts';
import type { Transaction } from '../db/index.ts';
import { employers, publicAccounts } from '../db/schema/index.ts';
import type { PluginRegistry } from '../plugins/index.ts';
import { openValue, sealMasked } from '../privacy/index.ts';
import type { CaseProjection, CaseRow, StepContext } from '../runtime-context.ts';
import { refusalReason, verificationMeanings } from './verification-case.ts';

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * The employer on the city's register that a verified account acts for: the record of the
 * application's credit code, or, where the register has none, a new record written from the
 * application (name, the agent as contact, the agent's mobile sealed) under the case's subject id,
 * by the caseworker who verified it, at the case's office.
 */
async function registerEmployer(tx: Transaction, cipher: FieldCipher, row: CaseRow, context: StepContext): Promise<string> {
  const creditCode = text(row.data['creditCode']).toUpperCase();
  const [found] = await tx.select({ id: employers.id }).from(employers).where(and(eq(employers.cityCode, row.cityCode), eq(employers.creditCode, creditCode))).limit(1);
  if (found) return found.id;
  // The agent's name and mobile are sealed in the case's data (the form marks them personal).
  const opened = (field: string) => (typeof row.data[field] === 'string' ? openValue(cipher, row.data[field]) : null);
  const phone = sealMasked(cipher, opened('agentMobile'), maskPhone);
  await tx.insert(employers).values({
    cityCode: row.cityCode,
    id: row.subjectId,
    creditCode,
    name: text(row.data['employerName']),
    contactName: opened('agentName')?.trim() || null,
    contactPhone: phone.value,
    contactPhoneMasked: phone.masked,
    orgUnitId: row.orgUnitId,
    createdBy: context.actor.id,
    createdAt: context.now,
    updatedAt: context.now,
  });
  return row.subjectId;
}

/**
 * An employer account's status as its verification case leaves it (a projection the case
 * transaction runs after every write, as the public postings are kept): verified, the account
 * becomes active for the employer on the register (found or written then); refused, it is refused
 * with the caseworker's reason. Only an account still pending changes, in the step's transaction.
 */
export function employerVerificationProjection(registry: PluginRegistry, cipher: FieldCipher): CaseProjection {
  let meanings: ReturnType<typeof verificationMeanings> | undefined;
  try {
    meanings = verificationMeanings(registry);
  } catch (error) {
    // No package declares the verification: there is nothing to keep.
    if (isPlatformError(error, 'PROCESS_NOT_FOUND')) return async () => {};
    throw error;
  }
  const { process, verified, refused } = meanings;
  return async (tx, row, context) => {
    if (row.processId !== process || row.openedByAccount === null || (row.state !== verified && row.state !== refused)) return;
    const pending = and(eq(publicAccounts.id, row.openedByAccount), eq(publicAccounts.status, 'pending'));
    if (row.state === refused) {
      await tx.update(publicAccounts).set({ status: 'refused', refusalReason: refusalReason(registry, row.data), updatedAt: context.now }).where(pending);
      return;
    }
    const employerId = await registerEmployer(tx, cipher, row, context);
    await tx.update(publicAccounts).set({ status: 'active', employerId, refusalReason: null, updatedAt: context.now }).where(pending);
  };
}
