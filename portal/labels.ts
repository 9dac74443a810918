import { codeName } from '../runtime/code-tables/index.ts';
import { divisionStreets, divisionTree, type DivisionEntry } from '../runtime/divisions/index.ts';
import { salaryBands, type PostingFacet } from '../runtime/postings/types.ts';
import { messagesOf, type Lang } from './locale.ts';

let divisions: Map<string, DivisionEntry> | undefined;

/** A province, city or county by its 6-digit code, or a street by its 9-digit one. */
function division(code: string): DivisionEntry | undefined {
  divisions ??= new Map(divisionTree().map((entry) => [entry.code, entry]));
  if (code.length === 6) return divisions.get(code);
  return divisionStreets(code.slice(0, 6)).find((street) => street.code === code.slice(0, 9));
}

/** Placeholders of the division data that name no place (the districts of a municipality sit under 市辖区). */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/**
 * The names of the divisions a work area lies in, largest first (`['福建省', '厦门市', '思明区']`),
 * placeholders left out; `fallback` stands for the area itself when the data does not know its code.
 */
export function divisionNames(code: string, fallback: string): string[] {
  const chain: string[] = [];
  for (let entry = division(code); entry; entry = entry.parent ? division(entry.parent) : undefined) {
    if (!PLACEHOLDER.test(entry.name)) chain.unshift(entry.name);
  }
  return chain.length > 0 ? chain : [fallback];
}

/** Yuan from fen, with the fen shown only when there are any (`5,000`, `25.50`). */
export function yuan(fen: number): string {
  const amount = fen / 100;
  return Number.isInteger(amount) ? amount.toLocaleString('en-GB') : amount.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Pay as a job seeker reads it: `5,000–8,000 元/月`, `25 元/小时`, `计件 3–5 元/件`. */
export function payText(lang: Lang, minFen: number, maxFen: number, basis: string): string {
  const m = messagesOf(lang);
  const range = minFen === maxFen ? yuan(minFen) : `${yuan(minFen)}–${yuan(maxFen)}`;
  const unit = m.pay[basis] ?? m.pay['monthly']!;
  return basis === 'piece' ? `${m.payPiece} ${range} ${unit}` : `${range} ${unit}`;
}

/** The name of an occupation or occupation group of the 2022 classification, or undefined. */
export function occupationName(code: string): string | undefined {
  return codeName('occupation-2022', code);
}

/** The name of a GB/T 4754-2017 section (a letter) or class, or undefined. */
export function industryName(code: string): string | undefined {
  return codeName('industry-gb4754-2017', code);
}

/** The label of a salary band: its bounds in yuan a month. */
function salaryBandLabel(lang: Lang, id: string): string | undefined {
  const band = salaryBands.find((entry) => entry.id === id);
  if (!band) return undefined;
  const m = messagesOf(lang);
  if (band.minFen === null) return m.salaryBandBelow(yuan(band.maxFen));
  if (band.maxFen === null) return m.salaryBandAbove(yuan(band.minFen));
  return m.salaryBandBetween(yuan(band.minFen), yuan(band.maxFen));
}

/**
 * How a facet value is shown: a division, occupation or industry by its name (Chinese: the code
 * tables hold no other), the posting form's codes in the page's language; the value itself when
 * nothing names it (a code a city added to its form, say).
 */
export function facetValueLabel(lang: Lang, facet: PostingFacet, value: string): string {
  const m = messagesOf(lang);
  const label = (() => {
    switch (facet) {
      case 'district':
        return division(value)?.name;
      case 'occupation':
        return occupationName(value);
      case 'industry':
        return industryName(value);
      case 'salary':
        return salaryBandLabel(lang, value);
      case 'education':
        return m.education[value];
      case 'employmentForm':
        return m.employmentForm[value];
      case 'postedWithin':
        return m.postedWithinValue(value);
    }
  })();
  return label ?? value;
}
