import { sql } from 'drizzle-orm';
import { citizenIdCheckCharacter } from '../../forms/index.ts';
import { queryRows } from '../../runtime/db/index.ts';
import type { RuntimeContext } from '../../runtime/runtime-context.ts';

/** A valid citizen ID number for an area, birth date (YYYYMMDD) and 3-digit sequence (odd = male). */
export function citizenId(area: string, birth: string, sequence: string): string {
  const first17 = `${area}${birth}${sequence}`;
  return first17 + citizenIdCheckCharacter(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheck(id: string): string {
  const alternatives = '0123456789X'.replace(id[17]!, '');
  return id.slice(0, 17) + alternatives[0];
}

/** 厦门市职业技能培训中心: a training institution the demo seed registers, active, licensed 2024 to 2028 for major groups 4 and 6. */
export const TRAINING_INSTITUTION = '52350203MJ04060779';

const countedTables = [
  'persons',
  'employers',
  'institutions',
  'cases',
  'tasks',
  'task_assignments',
  'case_events',
  'outbox',
  'outbox_deliveries',
  'timers',
  'counters',
  'audit_log',
  'ledger_items',
  'ledger_history',
  'payments',
  'payment_batches',
  'reconciliations',
  'reconciliation_lines',
  'calendar_schedules',
  'deadline_moves',
  'record_revisions',
  'master_data_history',
  'issued_documents',
  'notification_reads',
  'case_attachments',
  'public_postings',
  'public_posting_search',
  'public_notices',
  'notice_objections',
  'job_applications',
  'saved_searches',
  'account_messages',
] as const;

/** Row counts of every table a request could write, to prove a refused request wrote nothing. */
export async function tableCounts(rt: RuntimeContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const [row] = await queryRows<{ n: string | number }>(rt.db, sql.raw(`SELECT count(*) AS n FROM ${table}`));
    counts[table] = Number(row!.n);
  }
  // Case versions and states too: a refused step must not touch the case row.
  const [state] = await queryRows<{ v: string | number | null }>(rt.db, sql`SELECT sum(version) AS v FROM cases`);
  counts['caseVersions'] = Number(state?.v ?? 0);
  return counts;
}

/** A complete, valid unemployment registration form. */
export function registrationForm(overrides: Record<string, unknown> = {}) {
  return {
    category: 'lost-job',
    unemployedSince: '2026-09-30',
    phone: '13912345678',
    residenceArea: '350203',
    education: '20',
    retirementCategory: 'male-60',
    previousEmployerCreditCode: '91350100M000100Y43',
    separationProof: 'JC-2026-0931',
    ...overrides,
  };
}

/** A complete vacancy posting form of an employer (a warehouse keeper at monthly pay) that passes every screening rule. */
export function vacancyPostingForm(employerCreditCode: string, overrides: Record<string, unknown> = {}) {
  return {
    employerCreditCode,
    headcount: 2,
    title: '仓库管理员',
    occupation: '4-02-06-03',
    duties: '负责货物出入库登记与盘点。',
    requirements: '男女不限，能适应倒班。',
    education: '60',
    payMinFen: 450_000,
    payMaxFen: 600_000,
    payBasis: 'monthly',
    workArea: '350203',
    employmentForm: 'full-time',
    validFrom: '2026-11-12',
    validUntil: '2026-12-31',
    contactName: '王女士',
    contactPhone: '13800138000',
    ...overrides,
  };
}

/** A complete job-seeking profile form: warehouse work in district 350206 from 2026-11-03, the same as {@link vacancyPostingForm}'s occupation and education. */
export function jobSeekingForm<T extends Record<string, unknown>>(overrides: T = {} as T) {
  return {
    desiredOccupations: ['4-02-06-03'],
    desiredAreas: ['350206'],
    expectedPayFen: 500_000,
    education: '60',
    availableFrom: '2026-11-03',
    validUntil: '2027-03-31',
    ...overrides,
  };
}
