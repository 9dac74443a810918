import { Tree } from 'antd';
import { useEffect, useState } from 'react';
import { call, client } from '../api.ts';
import type { OrgNode } from './types.ts';

interface TreeItem {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeItem[];
}

const toItem = (unit: OrgNode): TreeItem => ({ key: unit.id, title: unit.name, isLeaf: !unit.hasChildren });

/** Puts `children` under the item keyed `key`, wherever it sits, keeping what was loaded below those already there. */
function withChildren(items: TreeItem[], key: string, children: TreeItem[]): TreeItem[] {
  return items.map((item) => {
    if (item.key !== key) return item.children ? { ...item, children: withChildren(item.children, key, children) } : item;
    const known = new Map((item.children ?? []).map((child) => [child.key, child]));
    return { ...item, children: children.map((child) => ({ ...child, children: known.get(child.key)?.children })) };
  });
}

/**
 * The org tree from the administrator's own unit, each level loaded when opened (a city has
 * thousands of villages). A new `reloadKey` loads its parent's children again (a new office there).
 */
export function OrgTree({ selected, onSelect, reloadKey }: { selected: string | null; onSelect: (id: string) => void; reloadKey: { parent: string; n: number } | null }) {
  const [items, setItems] = useState<TreeItem[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  const load = async (parent: string) => {
    const body = await call(client.GET('/api/admin/org/units', { params: { query: { parent } } }));
    setItems((known) => withChildren(known, parent, body.items.map(toItem)));
  };
  // The administrator's own unit, open on its children.
  useEffect(() => {
    void call(client.GET('/api/admin/org/units')).then(async (body) => {
      setItems(body.items.map(toItem));
      for (const root of body.items) await load(root.id);
      setExpanded(body.items.map((u) => u.id));
    });
  }, []);
  useEffect(() => {
    if (!reloadKey) return;
    void load(reloadKey.parent).then(() => setExpanded((keys) => (keys.includes(reloadKey.parent) ? keys : [...keys, reloadKey.parent])));
  }, [reloadKey]);
  return (
    <Tree<TreeItem>
      className="org-tree"
      treeData={items}
      loadData={(node) => load(String(node.key))}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      selectedKeys={selected ? [selected] : []}
      onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
      height={560}
    />
  );
}
