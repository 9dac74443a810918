import { Tree } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { OrgNode } from './types.ts';

interface TreeItem {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: TreeItem[];
}

const toItem = (unit: OrgNode): TreeItem => ({ key: unit.id, title: unit.name, isLeaf: !unit.hasChildren });

/** Puts `children` under the item keyed `key`, wherever it sits. */
function withChildren(items: TreeItem[], key: string, children: TreeItem[]): TreeItem[] {
  return items.map((item) => (item.key === key ? { ...item, children } : item.children ? { ...item, children: withChildren(item.children, key, children) } : item));
}

/**
 * The org tree from the administrator's own unit, each level loaded when opened (a city has
 * thousands of villages). `version` changes when a unit gained children (a new office), to load again.
 */
export function OrgTree({ selected, onSelect, reloadKey }: { selected: string | null; onSelect: (id: string) => void; reloadKey: { parent: string; n: number } | null }) {
  const [items, setItems] = useState<TreeItem[]>([]);
  const [expanded, setExpanded] = useState<string[]>([]);
  useEffect(() => {
    void api<{ items: OrgNode[] }>('GET', '/admin/org/units').then((body) => {
      setItems(body.items.map(toItem));
      setExpanded(body.items.map((u) => u.id));
    });
  }, []);
  const load = async (parent: string) => {
    const body = await api<{ items: OrgNode[] }>('GET', `/admin/org/units?parent=${encodeURIComponent(parent)}`);
    setItems((known) => withChildren(known, parent, body.items.map(toItem)));
  };
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
