import { randomUUID } from 'node:crypto';
import { citizenIdCheckCharacter, parseCitizenId } from '../../forms/index.ts';
import { hashPassword } from '../auth/index.ts';
import { persons, publicAccounts } from '../db/schema/index.ts';
import { nameInitials } from '../persons/index.ts';
import { sealIdNumber, sealPhone } from '../privacy/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';

/** Every demo account's password, as the staff's demo accounts have theirs. */
const DEMO_PASSWORD = 'demo';

/** The demo citizen: nobody of the story, so every online service is open to them (思明区, born 1992). */
const citizen = { name: '李明轩', first17: '35020319920615031', mobile: '13812345678' };
const citizenId = citizen.first17 + citizenIdCheckCharacter(citizen.first17);

/** The demo employer: 厦门鹭源财务咨询有限公司 of the story, already verified. */
const employer = { key: 'luyuan', name: '厦门鹭源财务咨询有限公司', creditCode: '91350203MA8T6K2R9J', agentName: '郑丽娟', mobile: '13959281234' } as const;

/** The demo accounts the sign-in page lists in demo mode (never in production, where they cannot sign in). */
export const DEMO_PUBLIC_ACCOUNTS = [
  { kind: 'citizen' as const, label: citizen.name, login: citizenId, password: DEMO_PASSWORD },
  { kind: 'employer' as const, label: employer.name, login: employer.creditCode, password: DEMO_PASSWORD },
];

/**
 * Creates the demo citizen (a person signed up online) and the demo employer's verified account,
 * in the demo story's transaction, for the city the story plays in. Returns the persons created (the citizen).
 */
export async function insertDemoPublicAccounts(rt: RuntimeContext, city: { cityCode: string; orgUnitId: string }, employerId: (key: typeof employer.key) => string): Promise<number> {
  const now = rt.clock();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const parsed = parseCitizenId(citizenId);
  if (!parsed.ok) throw new Error('the demo citizen ID number is not valid');
  const personId = randomUUID();
  await rt.db.insert(persons).values({
    cityCode: city.cityCode,
    id: personId,
    ...sealIdNumber(rt.cipher, citizenId),
    name: citizen.name,
    nameInitials: nameInitials(citizen.name),
    gender: parsed.gender,
    birthDate: parsed.birthDate,
    ...sealPhone(rt.cipher, citizen.mobile),
    orgUnitId: city.orgUnitId,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  });
  const mobileOf = (mobile: string) => {
    const sealed = sealPhone(rt.cipher, mobile);
    return { mobile: sealed.phone!, mobileMasked: sealed.phoneMasked! };
  };
  await rt.db.insert(publicAccounts).values([
    { id: randomUUID(), cityCode: city.cityCode, kind: 'citizen', status: 'active', loginIndex: sealIdNumber(rt.cipher, citizenId).idNumberIndex, displayName: citizen.name, ...mobileOf(citizen.mobile), personId, passwordHash, demo: true, createdAt: now, updatedAt: now },
    {
      id: randomUUID(),
      cityCode: city.cityCode,
      kind: 'employer',
      status: 'active',
      loginIndex: employer.creditCode,
      displayName: employer.name,
      ...mobileOf(employer.mobile),
      employerId: employerId(employer.key),
      creditCode: employer.creditCode,
      agentName: rt.cipher.encrypt(employer.agentName),
      passwordHash,
      demo: true,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  return 1;
}
