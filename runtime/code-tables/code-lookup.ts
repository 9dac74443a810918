import type { CodeLookup } from '../../forms/index.ts';
import { codeEntry, codeTables } from './code-tables.ts';

/** The division tree a form's `x-code-table: "division"` field picks from (see `runtime/divisions`). */
export const DIVISION_TABLE = 'division';

/** Every table id an `x-code-table` may name: the shipped tables and the division tree. */
export function codeTableIds(): string[] {
  return [...codeTables.map((table) => table.id), DIVISION_TABLE];
}

/** The group a code sits in by its shape: `4-10-01-02` in `4-10-01`, industry class `6513` in group `651`. */
function groupOf(code: string): string | undefined {
  const dashed = /^(.+)-\d{2}$/.exec(code);
  if (dashed) return dashed[1];
  return /^\d{4}$/.test(code) ? code.slice(0, 3) : undefined;
}

/**
 * The server's answer to a form's `x-code-table` keyword: a code of a shipped table must be one of
 * its entries, or sit directly in one of its groups of level 3 or below (the shipped 大典 lacks four
 * of its 1,636 occupations, see `data/SOURCES.md`, and a 工种 code extends its occupation's): a
 * mistyped or invented code, whose group is unknown too, is refused. A division code is not
 * looked up: codes are retired over time and a form may hold one that was current when entered
 * (its pattern still checks its shape). A table that does not exist has no codes.
 */
export const codeExists: CodeLookup = (table, code) => {
  if (table === DIVISION_TABLE) return true;
  if (!codeTables.some((t) => t.id === table)) return false;
  if (codeEntry(table, code) !== undefined) return true;
  const group = groupOf(code);
  const parent = group === undefined ? undefined : codeEntry(table, group);
  return parent !== undefined && parent.level >= 3;
};
