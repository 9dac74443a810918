import { PlatformError } from '../../engine/index.ts';
import data from './data/regions.json' with { type: 'json' };

/** 东部 / 中部 / 西部 / 东北, as the National Bureau of Statistics divides the provinces (see `data/SOURCES.md`). */
export type Region = 'east' | 'central' | 'west' | 'northeast';

const REGION_NAMES: Record<Region, { 'zh-CN': string; en: string }> = {
  east: { 'zh-CN': '东部地区', en: 'Eastern region' },
  central: { 'zh-CN': '中部地区', en: 'Central region' },
  west: { 'zh-CN': '西部地区', en: 'Western region' },
  northeast: { 'zh-CN': '东北地区', en: 'Northeast region' },
};

const provinces = data.provinces as Record<string, { name: string; region: Region }>;
const thresholds = data.thresholds as Record<'east' | 'central' | 'west', number>;

/**
 * The region of the province an org unit lies in (its path's second id: `/000000/350000/…`) and
 * the share, in percent, each target must reach there: 90 / 80 / 70 for eastern, central and western
 * provinces; the northeast is assessed as the central region. A unit above the provinces has no
 * single region and is refused.
 */
export function regionOf(path: string) {
  const provinceId = path.split('/')[2];
  const province = provinceId ? provinces[provinceId.slice(0, 2)] : undefined;
  if (!provinceId || !province) throw new PlatformError('BAD_REQUEST', { details: { path, reason: 'the assessment is of a province or a unit below one' } });
  const assessedAs = province.region === 'northeast' ? (data.northeastAssessedAs as 'central') : province.region;
  return { province: { id: provinceId, name: province.name }, region: province.region, name: REGION_NAMES[province.region], threshold: thresholds[assessedAs] };
}
