import { DIVISION_TABLE, type CodeItem } from './code-tables.ts';

/** A cascader option over a code: its name as the label, whether the field may hold it. */
export interface CodeOption {
  value: string;
  label: string;
  code: string;
  name: string;
  selectable: boolean;
  disabled?: boolean;
  disableCheckbox?: boolean;
  isLeaf?: boolean;
  children?: CodeOption[];
}

/** Which codes a field may hold: those its `pattern` accepts (`^\d{4}$` lets an industry field take only classes), or any. */
export function selectableBy(pattern: unknown): (code: string) => boolean {
  if (typeof pattern !== 'string') return () => true;
  const expression = new RegExp(pattern, 'u');
  return (code) => expression.test(code);
}

/**
 * Whether a division field may hold a street (9 digits) of some county of `items`: only then are a
 * county's streets offered beneath it (a 户籍地 takes a county at most, so its counties end the tree).
 */
export function takesStreets(items: readonly CodeItem[], selectable: (code: string) => boolean): boolean {
  return items.some((item) => item.level === 3 && selectable(`${item.code}001`));
}

/** The nearest listed ancestor of a parent the table lacks (the shipped 大典 lacks four 小类 whose 细类 it has). */
function listedAncestor(parent: string | null, listed: ReadonlySet<string>): string | null {
  let code = parent;
  while (code !== null && !listed.has(code)) code = /-\d{2}$/.test(code) ? code.replace(/-\d{2}$/, '') : null;
  return code;
}

/**
 * The cascader tree of a table from its flat entries (levels by `parent`), with the streets of the
 * counties loaded so far under their counties. A county whose streets are not loaded is no leaf,
 * so opening it loads them, unless `withStreets` is false (a list of codes, a field that takes no
 * street), where the counties end the tree. An entry the field may not hold is still opened through, but not
 * chosen: a leaf is disabled. In a list of codes (`multiple`) only entries without entries below
 * them are ticked (the cascader would tick a group's every member), so the division tree stops
 * at the counties there.
 */
export function codeTree(table: string, items: readonly CodeItem[], streets: ReadonlyMap<string, readonly CodeItem[]>, selectable: (code: string) => boolean, multiple = false, withStreets = !multiple): CodeOption[] {
  // Each code once, never under itself: a tree, however the data repeats a code.
  const all = [...new Map([...items, ...[...streets.values()].flat()].map((item) => [item.code, item])).values()];
  const listed = new Set(all.map((item) => item.code));
  const children = new Map<string | null, CodeItem[]>();
  for (const item of all) {
    const found = listedAncestor(item.parent, listed);
    const parent = found === item.code ? null : found;
    children.set(parent, [...(children.get(parent) ?? []), item]);
  }
  const build = (item: CodeItem, depth: number): CodeOption => {
    const below = depth < 6 ? children.get(item.code)?.map((child) => build(child, depth + 1)) : undefined;
    const canChoose = selectable(item.code);
    const waitsForStreets = withStreets && table === DIVISION_TABLE && item.level === 3 && !streets.has(item.code);
    return {
      value: item.code,
      label: item.name,
      code: item.code,
      name: item.name,
      selectable: canChoose,
      ...(below && below.length > 0 ? { children: below } : {}),
      ...(waitsForStreets ? { isLeaf: false } : {}),
      ...(!canChoose && !below?.length && !waitsForStreets ? { disabled: true } : {}),
      ...(!canChoose || (multiple && below?.length) ? { disableCheckbox: true } : {}),
    };
  };
  return (children.get(null) ?? []).map((item) => build(item, 1));
}

/** The path of codes from the root to `code`, by the entries' parents; a code not (yet) listed ends the path of its listed ancestors. */
export function pathTo(code: string, items: readonly CodeItem[], streets: ReadonlyMap<string, readonly CodeItem[]>): string[] {
  const byCode = new Map([...items, ...[...streets.values()].flat()].map((item) => [item.code, item]));
  const listed = new Set(byCode.keys());
  const start = byCode.get(code);
  // A street whose county is not loaded yet sits under its county (the first 6 digits).
  let parent = start ? listedAncestor(start.parent, listed) : /^\d{9}/.test(code) ? code.slice(0, 6) : null;
  const path = [code];
  while (parent !== null && byCode.has(parent) && !path.includes(parent)) {
    path.unshift(parent);
    parent = listedAncestor(byCode.get(parent)!.parent, listed);
  }
  return path;
}
