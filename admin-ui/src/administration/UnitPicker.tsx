import { TreeSelect } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.ts';
import type { OrgNode } from './types.ts';

/** A unit chosen in the picker, with the name it shows. */
export interface PickedUnit {
  value: string;
  label: string;
}

interface TreeNode {
  id: string;
  pId: string | null;
  value: string;
  /** What the list shows: a found unit with its code, to tell apart two villages of one name. */
  title: string;
  /** What the field shows once chosen: the name. */
  label: string;
  isLeaf: boolean;
}

const toNode = (parent: string | null) => (unit: OrgNode): TreeNode => ({ id: unit.id, pId: parent, value: unit.id, title: unit.name, label: unit.name, isLeaf: !unit.hasChildren });
const toFound = (unit: OrgNode): TreeNode => ({ id: unit.id, pId: null, value: unit.id, title: `${unit.name} ${unit.id}`, label: unit.name, isLeaf: true });

/** Where the picker reads the tree, and how it shows itself where it is not a form field. */
export interface UnitPickerOptions {
  /** The API listing units by `parent` and `q`: the administrator's subtree by default, `/org/units` for the units a user's work reaches. */
  source?: string;
  'aria-label'?: string;
  placeholder?: string;
  allowClear?: boolean;
  className?: string;
}

/**
 * Picks an org unit of the administrator's subtree (or of `source`) from the tree, each level loaded
 * when opened (a city has thousands of villages), or by typing a part of its name or the start of its
 * code, which the server searches; the chosen unit keeps its name even before its level is loaded.
 */
export function UnitPicker({ id, value, onChange, source = '/admin/org/units', ...shown }: { id?: string; value?: PickedUnit | null; onChange?: (unit: PickedUnit | null) => void } & UnitPickerOptions) {
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<TreeNode[]>([]);
  // The latest text typed: an answer to an earlier one, arriving late, is dropped.
  const typed = useRef('');
  useEffect(() => {
    void api<{ items: OrgNode[] }>('GET', source).then((body) => setNodes(body.items.map(toNode(null))));
  }, [source]);
  const loadData = async (node: { value?: string | number }) => {
    const parent = String(node.value);
    const body = await api<{ items: OrgNode[] }>('GET', `${source}?parent=${encodeURIComponent(parent)}`);
    setNodes((known) => [...known.filter((n) => n.pId !== parent), ...body.items.map(toNode(parent))]);
  };
  const find = (text: string) => {
    setSearch(text);
    typed.current = text.trim();
    if (!typed.current) return setFound([]);
    const asked = typed.current;
    void api<{ items: OrgNode[] }>('GET', `${source}?q=${encodeURIComponent(asked)}`).then((body) => typed.current === asked && setFound(body.items.map(toFound)));
  };
  return (
    <TreeSelect
      {...shown}
      id={id}
      treeDataSimpleMode
      treeData={search.trim() ? found : nodes}
      loadData={search.trim() ? undefined : loadData}
      showSearch={{ searchValue: search, onSearch: find, filterTreeNode: false, autoClearSearchValue: true }}
      treeNodeLabelProp="label"
      labelInValue
      value={value ?? undefined}
      listHeight={360}
      onChange={(picked: PickedUnit | undefined) => {
        find('');
        onChange?.(picked ? { value: picked.value, label: String(picked.label) } : null);
      }}
    />
  );
}
