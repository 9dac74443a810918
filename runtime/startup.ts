import { mkdirSync } from 'node:fs';
import { articleProjection } from './articles/index.ts';
import { caseEffects, createStepper, subjectEffects, type NationwideClaim } from './cases/index.ts';
import type { RuntimeConfig } from './config.ts';
import { FieldCipher, loadKeyRing } from './crypto/index.ts';
import { employerVerificationProjection } from './employer-accounts/index.ts';
import { grantApplicationRole, openDatabase, openPostgres, type DatabaseHandle } from './db/index.ts';
import { ledgerEffects } from './ledger/index.ts';
import { claimNationally } from './national/index.ts';
import { fillMissingInitials } from './persons/index.ts';
import { nationalDecisionProjection } from './national-applications/index.ts';
import { noticeProjection } from './notices/index.ts';
import { fillPublicPostings, postingProjection } from './postings/index.ts';
import { loadInstalledRegistry } from './packages/index.ts';
import { encryptPlaintextRows } from './privacy/index.ts';
import type { RuntimeContext } from './runtime-context.ts';
import { refuseDemoAccounts, seed, type Progress } from './seed/index.ts';

/**
 * The runtime context from its parts, with the one case transaction it holds: the effect handlers
 * of the cases folder (the subject's for the statuses the registry's packages declare) and the
 * ledger's payment, and the projections kept of cases (the public postings, notices and articles, the
 * employer accounts of their verification cases, the decisions uploaded to the national platform), put
 * together here, where every folder may be imported, so that cases/ never imports the ledger, the
 * postings, the notices or the articles. A province under a national node (`NATIONAL_CLAIMS=exchange`)
 * claims its nationwide statuses there.
 */
export function createRuntimeContext(parts: Omit<RuntimeContext, 'stepper'>): RuntimeContext {
  const national: NationwideClaim | undefined = parts.config.nationalClaims === 'exchange' ? (tx, row, set) => claimNationally(parts, tx, row, set) : undefined;
  return {
    ...parts,
    stepper: createStepper(
      (registry) => ({ ...caseEffects, ...subjectEffects(registry.statuses, national), ...ledgerEffects(parts.cipher) }),
      (registry) => [postingProjection(registry), noticeProjection(registry), articleProjection(registry), employerVerificationProjection(registry, parts.cipher), nationalDecisionProjection(registry, parts)],
    ),
  };
}

/** Migrations as the database owner, then the application's role granted what the server needs and no more. */
async function migrateAsOwner(ownerUrl: string, appUrl: string, progress: Progress): Promise<void> {
  const owner = await openPostgres(ownerUrl, { max: 2 });
  try {
    progress('迁移数据库 running migrations as the owner…');
    await owner.migrate();
    const role = decodeURIComponent(new URL(appUrl).username);
    await grantApplicationRole(owner.db, role);
    progress(`授权 granted the application role ${role} what the server needs (no UPDATE, DELETE or TRUNCATE of history)`);
  } finally {
    await owner.close();
  }
}

/**
 * Opens the platform's database as `main` and every command do: the key ring first (production
 * refuses to start without one), the database (PGlite's files private to their owner), the
 * migrations, the production check (no demo accounts), personal data written before encryption
 * at rest encrypted, then what a first start seeds (the org
 * tree, the calendar, the ministry's processes; demo accounts in demo mode only).
 */
export async function openRuntime(config: RuntimeConfig, progress: Progress): Promise<{ rt: RuntimeContext; handle: DatabaseHandle }> {
  // Every file this process writes (PGlite's data, key files, backups) is its owner's alone.
  process.umask(0o077);
  const keys = loadKeyRing(config);
  if (!config.databaseUrl) mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  progress(`打开数据库 opening ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}…`);
  if (config.databaseUrl && config.databaseOwnerUrl) await migrateAsOwner(config.databaseOwnerUrl, config.databaseUrl, progress);
  const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (!config.databaseOwnerUrl) {
      progress('迁移数据库 running migrations…');
      await handle.migrate();
    }
    if (config.mode === 'production') await refuseDemoAccounts(handle.db);
    const filled = await fillMissingInitials(handle.db);
    if (filled > 0) progress(`补全拼音首字母 filled the pinyin initials of ${filled} persons`);
    const rt = createRuntimeContext({ db: handle.db, backend: handle.backend, registry: await loadInstalledRegistry(handle.db), config, cipher: new FieldCipher(keys.ring), clock: () => new Date() });
    // Another process starting at the same time encrypts and seeds before or after this one, never alongside.
    const { sealed, report, postings } = await handle.exclusively(async () => ({
      sealed: await encryptPlaintextRows(rt),
      report: await seed(rt, { cityCode: process.env['DEMO_CITY'] ?? '3502' }, progress),
      // Postings published before the public site existed (an upgraded installation) appear on it.
      postings: await fillPublicPostings(rt),
    }));
    if (postings.written + postings.deleted > 0) progress(`公共招聘网 brought the public postings up to the cases: ${postings.written} written, ${postings.deleted} removed`);
    const total = Object.values(sealed).reduce((sum, n) => sum + n, 0);
    if (total > 0) progress(`加密个人信息 encrypted the personal data written before encryption at rest: ${JSON.stringify(sealed)}`);
    if (report.orgUnits === 0 && report.users === 0 && report.publishedProcesses.length === 0) progress('复用已有数据 reusing existing data: nothing to seed');
    else progress(`已初始化 seeded ${report.orgUnits} org units, ${report.users} accounts, published ${report.publishedProcesses.join(', ') || 'no'} processes`);
    return { rt, handle };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
