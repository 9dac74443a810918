import { inArray } from 'drizzle-orm';
import type { LocalizedText, MeaningName } from '../../engine/index.ts';
import { orgUnits } from '../db/schema/index.ts';
import { codeEntries } from '../code-tables/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { UNSPECIFIED, type Breakdown } from './breakdowns.ts';

/**
 * 职业大类 The eight major groups of the 职业分类大典 (2022), as `../shared/data/occupation-2022.csv`
 * lists them at level 1, with English names.
 */
const occupationMajorGroups: Record<string, LocalizedText> = {
  '1': { 'zh-CN': '党的机关、国家机关、群众团体和社会组织、企事业单位负责人', en: 'Leaders of Party and state organs, mass organisations, social organisations, enterprises and institutions' },
  '2': { 'zh-CN': '专业技术人员', en: 'Professional and technical personnel' },
  '3': { 'zh-CN': '办事人员和有关人员', en: 'Clerical and related personnel' },
  '4': { 'zh-CN': '社会生产服务和生活服务人员', en: 'Social production and living services personnel' },
  '5': { 'zh-CN': '农、林、牧、渔业生产及辅助人员', en: 'Agricultural, forestry, animal husbandry and fishery production and support personnel' },
  '6': { 'zh-CN': '生产制造及有关人员', en: 'Production, manufacturing and related personnel' },
  '7': { 'zh-CN': '军队人员', en: 'Military personnel' },
  '8': { 'zh-CN': '不便分类的其他从业人员', en: 'Other workers not classifiable' },
};

const fixed: Record<string, LocalizedText> = {
  total: { 'zh-CN': '合计', en: 'Total' },
  [UNSPECIFIED]: { 'zh-CN': '无要求或未登记', en: 'No requirement or not recorded' },
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
  '16-24': { 'zh-CN': '16-24岁', en: 'Aged 16-24' },
  '25-34': { 'zh-CN': '25-34岁', en: 'Aged 25-34' },
  '35-44': { 'zh-CN': '35-44岁', en: 'Aged 35-44' },
  '45+': { 'zh-CN': '45岁及以上', en: 'Aged 45 and over' },
};

interface Choice {
  const?: unknown;
  title?: unknown;
  'x-i18n'?: { en?: unknown };
}

/** The titles of a form field's choices (`oneOf` consts), from the standard definition. */
function choiceLabels(rt: RuntimeContext, meaning: MeaningName, field: string): [string, LocalizedText][] {
  const { process, form } = rt.registry.meaning(meaning);
  const schema = rt.registry.processes.get(process)?.compiled.definition.forms[form ?? '']?.schema as { properties?: Record<string, { oneOf?: Choice[] }> } | undefined;
  return (schema?.properties?.[field]?.oneOf ?? []).flatMap((choice) =>
    typeof choice.const === 'string' && typeof choice.title === 'string' ? [[choice.const, { 'zh-CN': choice.title, en: String(choice['x-i18n']?.en ?? choice.title) }]] : [],
  );
}

/** A label for each row key of a breakdown; null where none is known. Areas are named by their org unit (Chinese names only). */
export async function labelsFor(rt: RuntimeContext, by: Breakdown, keys: readonly string[]): Promise<Map<string, LocalizedText | null>> {
  let known: Record<string, LocalizedText> = { ...fixed };
  if (by === 'occupation') known = { ...known, ...occupationMajorGroups };
  if (by === 'education') known = { ...known, ...Object.fromEntries([...choiceLabels(rt, 'publishedVacancy', 'education'), ...choiceLabels(rt, 'activeJobSeeker', 'education')]) };
  if (by === 'skillLevel') known = { ...known, ...Object.fromEntries(choiceLabels(rt, 'publishedVacancy', 'skillLevel')) };
  if (by === 'seekerCategory') known = { ...known, ...Object.fromEntries(choiceLabels(rt, 'activeJobSeeker', 'seekerCategory')) };
  // The shipped GB/T 4754 table has Chinese names only.
  if (by === 'industry') known = { ...known, ...Object.fromEntries(codeEntries('industry-gb4754-2017').filter((e) => e.level === 1).map((e) => [e.code, { 'zh-CN': e.name, en: e.name }])) };
  if ((by === 'region' || by === 'city') && keys.length > 0) {
    const units = await rt.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, [...keys]));
    known = { ...known, ...Object.fromEntries(units.map((u) => [u.id, { 'zh-CN': u.name, en: u.name }])) };
  }
  return new Map(keys.map((key) => [key, known[key] ?? null]));
}

/** Names of cities (for the comparisons' lists). */
export async function cityNames(rt: RuntimeContext, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const units = await rt.db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, [...codes]));
  return new Map(units.map((u) => [u.id, u.name]));
}
