import { Cascader } from 'antd';
import { useEffect, useMemo, useState, type MouseEvent, type ReactElement } from 'react';
import { defineMessages } from '../i18n.ts';
import { DIVISION_TABLE, codeLabel, countiesOf, loadCodeTable, loadStreets, type CodeItem } from './code-tables.ts';
import { codeTree, pathTo, selectableBy, takesStreets, type CodeOption } from './code-tree.ts';
import './code-table.css';

const useMessages = defineMessages({
  search: { 'zh-CN': '输入名称或代码搜索', en: 'Type a name or code to search' },
  loading: { 'zh-CN': '正在加载代码表…', en: 'Loading the code table…' },
  notFound: { 'zh-CN': '没有匹配的名称或代码', en: 'No name or code matches' },
  failed: { 'zh-CN': '代码表加载失败，请刷新后重试', en: 'The code table did not load: reload the page to retry' },
});

/** The entries before the table has loaded (one list, so what is derived from it is not derived again each render). */
const NO_ITEMS: CodeItem[] = [];

/** After a click in the menus, the newest column scrolled into view: on a phone the columns are wider than the screen together. */
function showLastColumn(event: MouseEvent<HTMLDivElement>) {
  const root = event.currentTarget;
  requestAnimationFrame(() => {
    const menus = root.querySelector('.ant-cascader-menus');
    if (menus) menus.scrollLeft = menus.scrollWidth;
  });
}

function matches(search: string, option: CodeOption): boolean {
  const query = search.trim().toLowerCase();
  return option.name.toLowerCase().includes(query) || option.code.toLowerCase().startsWith(query);
}

/** What {@link CodePicker} is given: a form field's id, value and change handler (antd's `Form.Item` passes them), and the table it picks from. */
export interface CodePickerProps {
  /** The code table (`occupation-2022`, ..., or `division`). */
  table: string;
  /** The codes the field may hold, as a regular expression; any code when absent. */
  pattern?: unknown;
  /** A list of codes rather than one. */
  multiple?: boolean;
  id?: string;
  /** The ids of the field's error and help texts, read out with the field. */
  'aria-describedby'?: string;
  value?: string | string[] | null;
  disabled?: boolean;
  onChange?: (value: string | string[] | undefined) => void;
  onBlur?: () => void;
}

/**
 * The one picker of codes, for schema forms ({@link CodeTableWidget}) and the record forms alike: a
 * cascader over the table's levels, searchable by name and code, showing a chosen code as
 * `名称 (代码)`. The table loads once per page; the division tree's streets load per county when
 * opened, and are offered only where the field may hold a street. Only codes `pattern` accepts can
 * be chosen; the value stays the code string (a list of them when `multiple`), as typed codes were.
 */
export function CodePicker({ id, table, pattern, multiple = false, value, disabled, onChange = () => undefined, onBlur, 'aria-describedby': describedBy }: CodePickerProps) {
  const t = useMessages();
  const selectable = useMemo(() => selectableBy(pattern), [pattern]);
  const [items, setItems] = useState<CodeItem[] | 'failed' | undefined>();
  const [streets, setStreets] = useState<ReadonlyMap<string, readonly CodeItem[]>>(new Map());
  const codes: string[] = multiple ? (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []) : typeof value === 'string' && value ? [value] : [];

  useEffect(() => {
    let current = true;
    loadCodeTable(table).then((loaded) => current && setItems(loaded), () => current && setItems('failed'));
    return () => {
      current = false;
    };
  }, [table]);

  const addStreets = (county: string) =>
    loadStreets(county).then(
      (loaded) => setStreets((now) => (now.has(county) ? now : new Map([...now, [county, loaded]]))),
      () => undefined,
    );
  // A chosen street shows its name once its county's streets are here.
  const countiesOfValue = table === DIVISION_TABLE ? countiesOf(codes).join(',') : '';
  useEffect(() => {
    for (const county of countiesOfValue ? countiesOfValue.split(',') : []) void addStreets(county);
  }, [countiesOfValue]);

  const list = Array.isArray(items) ? items : NO_ITEMS;
  const withStreets = useMemo(() => !multiple && table === DIVISION_TABLE && takesStreets(list, selectable), [multiple, table, list, selectable]);
  const options = useMemo(() => codeTree(table, list, withStreets ? streets : new Map(), selectable, multiple, withStreets), [table, list, streets, selectable, multiple, withStreets]);
  const names = useMemo(() => new Map([...list, ...[...streets.values()].flat()].map((item) => [item.code, item.name])), [list, streets]);
  const anyGroupSelectable = useMemo(() => list.some((item) => selectable(item.code) && list.some((other) => other.parent === item.code)), [list, selectable]);
  const lastOf = (path: readonly (string | number)[]) => String(path[path.length - 1] ?? '');

  const common = {
    id,
    'aria-describedby': describedBy,
    className: 'code-table-picker',
    classNames: { popup: { root: 'code-table-popup' } },
    disabled,
    options,
    changeOnSelect: !multiple && (table === DIVISION_TABLE || anyGroupSelectable),
    placeholder: items === undefined ? t('loading') : items === 'failed' ? t('failed') : t('search'),
    notFoundContent: t('notFound'),
    showSearch: {
      filter: (search: string, path: CodeOption[]) => {
        const last = path[path.length - 1];
        return last !== undefined && last.selectable && !(multiple && last.children?.length) && matches(search, last);
      },
      render: (_search: string, path: CodeOption[]) => {
        const last = path[path.length - 1]!;
        return <span title={path.map((option) => option.name).join(' / ')}>{codeLabel(last.code, last.name)}</span>;
      },
      limit: 50,
    },
    loadData: (path: CodeOption[]) => {
      const last = path[path.length - 1];
      if (withStreets && last && /^\d{6}$/.test(last.code)) void addStreets(last.code);
    },
    // The chosen code by its last option, or by the code (a street not loaded yet, a code the table lacks).
    displayRender: (labels: string[], chosen?: (CodeOption | undefined)[]) => {
      const last = chosen?.[chosen.length - 1];
      const code = last?.code ?? String(labels[labels.length - 1] ?? '');
      return codeLabel(code, last?.name ?? names.get(code));
    },
    popupRender: (menus: ReactElement) => <div onClick={showLastColumn}>{menus}</div>,
    onBlur: () => onBlur?.(),
  };

  if (multiple) {
    return (
      <Cascader
        {...common}
        multiple
        showCheckedStrategy={Cascader.SHOW_CHILD}
        value={codes.map((code) => pathTo(code, list, streets))}
        onChange={(paths: (string | number)[][]) => {
          const next = paths.map(lastOf).filter((code) => code && selectable(code));
          onChange(next.length > 0 ? next : undefined);
        }}
      />
    );
  }
  return (
    <Cascader
      {...common}
      value={codes[0] ? pathTo(codes[0], list, streets) : undefined}
      onChange={(path?: (string | number)[]) => {
        const code = path ? lastOf(path) : '';
        if (!code) onChange(undefined);
        else if (selectable(code)) onChange(code);
      }}
    />
  );
}
