import { codeEntries, divisionTree } from '../../runtime/public-forms/index.ts';

/** A group of a code table's choices (its label empty when the list is not grouped). */
export interface CodeGroup {
  label: string;
  options: { code: string; name: string }[];
}

let occupationGroups: CodeGroup[] | undefined;

/**
 * The choices offered for a list of codes, where a list is short enough to choose from: a city's
 * counties (ticked), or the occupation classification's minor groups under their middle groups (a
 * multiple choice). Any other table, or a division list without the city, is typed as codes: empty.
 */
export function codeChoices(table: string | undefined, cityCode: string | undefined): CodeGroup[] {
  if (table === 'division') {
    const counties = cityCode ? divisionTree().filter((entry) => entry.parent === cityCode && entry.level === 3) : [];
    return counties.length > 0 ? [{ label: '', options: counties.map(({ code, name }) => ({ code, name })) }] : [];
  }
  if (table === 'occupation-2022') {
    occupationGroups ??= (() => {
      const entries = codeEntries(table);
      return entries
        .filter((entry) => entry.level === 2)
        .map((middle) => ({ label: middle.name, options: entries.filter((entry) => entry.level === 3 && entry.parent === middle.code).map(({ code, name }) => ({ code, name })) }))
        .filter((group) => group.options.length > 0);
    })();
    return occupationGroups;
  }
  return [];
}
