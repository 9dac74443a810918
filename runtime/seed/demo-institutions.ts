import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/index.ts';
import { auditLog, institutions, users, type InstitutionKind, type InstitutionStatus } from '../db/schema/index.ts';

/** A demo institution: every credit code passes both check characters (GB 32100, GB 11714). */
interface DemoInstitution {
  creditCode: string;
  name: string;
  kind: InstitutionKind;
  licenceNo: string;
  validFrom: string;
  validUntil: string;
  occupations: string[];
  status?: InstitutionStatus;
}

/**
 * The demo city's register: the training institutions the demo story's classes name (and the one
 * the tests name, 厦门市职业技能培训中心, licensed for every occupation of major groups 4 and 6), an
 * assessment centre, an employment agency, an incubator, and two a claim must not name: one whose
 * licence lapsed at the end of 2025 and one suspended.
 */
export const demoInstitutions: readonly DemoInstitution[] = [
  { creditCode: '52350203MJ04060779', name: '厦门市职业技能培训中心', kind: 'training', licenceNo: '教民135020370001号', validFrom: '2024-01-01', validUntil: '2028-12-31', occupations: ['4', '6'] },
  { creditCode: '52350206MJ01020306', name: '厦门市湖里区职业技能培训中心', kind: 'training', licenceNo: '教民135020670002号', validFrom: '2024-03-01', validUntil: '2029-02-28', occupations: ['4-03-02', '4-07-03'] },
  { creditCode: '52350211MJ0204184M', name: '厦门市集美区职业技术学校', kind: 'training', licenceNo: '教民135021170003号', validFrom: '2023-09-01', validUntil: '2028-08-31', occupations: ['6-31-01'] },
  { creditCode: '52350205MJ03051293', name: '厦门市海沧区家庭服务培训学校', kind: 'training', licenceNo: '教民135020570004号', validFrom: '2025-01-01', validUntil: '2029-12-31', occupations: ['4-10-01'] },
  { creditCode: '52350203MJ0507089A', name: '厦门市思明区新星职业培训学校', kind: 'training', licenceNo: '教民135020370005号', validFrom: '2021-01-01', validUntil: '2025-12-31', occupations: ['4-03-02'] },
  { creditCode: '52350206MJ0608090L', name: '厦门市湖里区启航技能培训学校', kind: 'training', licenceNo: '教民135020670006号', validFrom: '2024-01-01', validUntil: '2028-12-31', occupations: ['4-03-02'], status: 'suspended' },
  { creditCode: '123502004265107100', name: '厦门市职业技能鉴定指导中心', kind: 'skill-assessment', licenceNo: 'Y000035020001', validFrom: '2021-06-01', validUntil: '2029-05-31', occupations: ['4', '6'] },
  { creditCode: '91350203MA2Y7H3K9G', name: '厦门市鹭岛人力资源服务有限公司', kind: 'employment-agency', licenceNo: '（闽）人服证字〔2022〕第0203001号', validFrom: '2022-03-01', validUntil: '2027-02-28', occupations: [] },
  { creditCode: '91350206MA8T2Q5R2E', name: '厦门市湖里区创业孵化基地', kind: 'incubator', licenceNo: 'FH2023-0206-01', validFrom: '2023-01-01', validUntil: '2027-12-31', occupations: [] },
];

/**
 * Registers the demo institutions the city does not hold yet, as its administrator, each with the
 * audit entry a registration on screen writes. Returns how many were registered.
 */
export async function insertDemoInstitutions(db: Executor, city: { id: string; cityCode: string }): Promise<number> {
  const [admin] = await db.select({ id: users.id }).from(users).where(and(eq(users.username, 'admin'), eq(users.orgUnitId, city.id)));
  if (!admin) return 0;
  let created = 0;
  for (const { status = 'active', ...institution } of demoInstitutions) {
    const [inserted] = await db
      .insert(institutions)
      .values({ cityCode: city.cityCode, id: randomUUID(), ...institution, status, orgUnitId: city.id, createdBy: admin.id })
      .onConflictDoNothing()
      .returning({ id: institutions.id });
    if (!inserted) continue;
    await db.insert(auditLog).values({ cityCode: city.cityCode, actorId: admin.id, action: 'institution.register', target: inserted.id, details: { ...institution, status, demo: true } });
    created++;
  }
  return created;
}
