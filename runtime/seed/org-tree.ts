import { and, eq } from 'drizzle-orm';
import type { CityDivisions } from '../divisions/index.ts';
import type { Executor } from '../db/index.ts';
import { orgUnits, posts } from '../db/schema/index.ts';
import { randomUUID } from 'node:crypto';
import { MINISTRY_ID } from '../organisation/ministry.ts';

export { MINISTRY_ID };

type OrgUnitRow = typeof orgUnits.$inferInsert;

/** The service posts every public employment service office has. */
export const standardPosts = [
  { code: 'unemployment-window', name: '失业登记窗口', nameEn: 'Unemployment registration window' },
  { code: 'unemployment-review', name: '失业登记审核岗', nameEn: 'Unemployment registration review' },
  { code: 'employment-window', name: '就业登记窗口', nameEn: 'Employment registration window' },
  { code: 'vacancy-window', name: '岗位登记窗口', nameEn: 'Vacancy registration window' },
  { code: 'vacancy-review', name: '岗位信息审核岗', nameEn: 'Vacancy review' },
  { code: 'job-referral', name: '职业介绍岗', nameEn: 'Job referral' },
  { code: 'benefit-window', name: '失业保险待遇受理岗', nameEn: 'Unemployment benefit intake' },
  { code: 'benefit-review', name: '失业保险待遇审核岗', nameEn: 'Unemployment benefit review' },
  { code: 'assistance-window', name: '就业援助岗', nameEn: 'Employment assistance' },
  { code: 'assistance-review', name: '就业困难人员认定审核岗', nameEn: 'Employment difficulty review' },
  { code: 'subsidy-window', name: '补贴受理岗', nameEn: 'Subsidy intake' },
  { code: 'subsidy-review', name: '补贴审核岗', nameEn: 'Subsidy review' },
  { code: 'guidance-window', name: '职业指导岗', nameEn: 'Vocational guidance' },
  { code: 'survey-window', name: '劳动力调查岗', nameEn: 'Labour force survey' },
  { code: 'survey-review', name: '劳动力调查审核岗', nameEn: 'Labour force survey review' },
  { code: 'personnel-file-window', name: '人事档案管理岗', nameEn: 'Personnel file custody' },
  { code: 'personnel-file-review', name: '人事代理审核岗', nameEn: 'Personnel agency review' },
  { code: 'article-editing', name: '信息发布编辑岗', nameEn: 'Website editing' },
  { code: 'article-review', name: '信息发布审核岗', nameEn: 'Website review' },
  { code: 'supervisor', name: '业务科长', nameEn: 'Office supervisor' },
] as const;

/** The office id under an org unit: the unit's code plus `-01`. */
export function officeId(parentId: string): string {
  return `${parentId}-01`;
}

/**
 * Builds the org tree rows for one city: ministry > province > city > districts > streets >
 * communities, plus a public employment service office at the city and in every district.
 */
export function orgTreeRows(divisions: CityDivisions): OrgUnitRow[] {
  const provinceId = `${divisions.province.code}0000`;
  const cityId = `${divisions.city.code}00`;
  const paths = new Map<string, string>();
  const rows: OrgUnitRow[] = [];
  const add = (id: string, parentId: string | null, kind: OrgUnitRow['kind'], name: string, cityCode: string | null) => {
    const path = `${parentId ? paths.get(parentId)! : '/'}${id}/`;
    paths.set(id, path);
    rows.push({ id, parentId, kind, name, path, cityCode, standardPosts: kind === 'office' });
  };
  add(MINISTRY_ID, null, 'ministry', '人力资源和社会保障部', null);
  add(provinceId, MINISTRY_ID, 'province', divisions.province.name, null);
  add(cityId, provinceId, 'city', divisions.city.name, cityId);
  add(officeId(cityId), cityId, 'office', `${divisions.city.name}公共就业服务中心`, cityId);
  for (const d of divisions.districts) {
    // A city without districts (东莞市, 中山市) lists itself as its one county: its streets hang under the city.
    if (d.code === cityId) continue;
    add(d.code, cityId, 'district', d.name, cityId);
    add(officeId(d.code), d.code, 'office', `${d.name}公共就业服务中心`, cityId);
  }
  for (const s of divisions.streets) if (paths.has(s.parent)) add(s.code, s.parent, 'street', s.name, cityId);
  for (const c of divisions.communities) if (paths.has(c.parent)) add(c.code, c.parent, 'community', c.name, cityId);
  return rows;
}

/**
 * Inserts the tree in batches, leaving units that exist as they are, and gives every catalogue office
 * the standard posts. `progress` hears the units inserted so far. Returns the number of units inserted.
 */
export async function insertOrgTree(db: Executor, rows: readonly OrgUnitRow[], progress?: (done: number, total: number) => void): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    inserted += (await db.insert(orgUnits).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: orgUnits.id })).length;
    progress?.(Math.min(i + 500, rows.length), rows.length);
  }
  await ensureStandardPosts(db);
  return inserted;
}

/**
 * Gives every office that carries the catalogue (`standard_posts`) each standard post it lacks, so a
 * database seeded by an earlier version gains the posts of newly added processes; an office an
 * administrator made, or whose posts one removed, keeps its own. Returns the number of posts added.
 */
export async function ensureStandardPosts(db: Executor): Promise<number> {
  const offices = await db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.kind, 'office'), eq(orgUnits.standardPosts, true)));
  if (offices.length === 0) return 0;
  const postRows = offices.flatMap((office) => standardPosts.map((p) => ({ id: randomUUID(), orgUnitId: office.id, ...p })));
  let added = 0;
  // In batches: a country's offices times the catalogue would pass the bound parameters one statement may carry.
  for (let i = 0; i < postRows.length; i += 2000) added += (await db.insert(posts).values(postRows.slice(i, i + 2000)).onConflictDoNothing().returning({ id: posts.id })).length;
  return added;
}
