import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
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
  title: string;
  isLeaf: boolean;
}

const toNode = (parent: string | null) => (unit: OrgNode): TreeNode => ({ id: unit.id, pId: parent, value: unit.id, title: unit.name, isLeaf: !unit.hasChildren });

/**
 * Picks an org unit of the administrator's subtree from the tree, each level loaded when opened
 * (a city has thousands of villages); the chosen unit keeps its name even before its level is loaded.
 */
export function UnitPicker({ id, value, onChange }: { id?: string; value?: PickedUnit | null; onChange?: (unit: PickedUnit | null) => void }) {
  const [nodes, setNodes] = useState<TreeNode[]>([]);
  useEffect(() => {
    void api<{ items: OrgNode[] }>('GET', '/admin/org/units').then((body) => setNodes(body.items.map(toNode(null))));
  }, []);
  const loadData = async (node: { value?: string | number }) => {
    const parent = String(node.value);
    const body = await api<{ items: OrgNode[] }>('GET', `/admin/org/units?parent=${encodeURIComponent(parent)}`);
    setNodes((known) => [...known.filter((n) => n.pId !== parent), ...body.items.map(toNode(parent))]);
  };
  return (
    <TreeSelect
      id={id}
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      labelInValue
      value={value ?? undefined}
      listHeight={360}
      onChange={(picked: PickedUnit | undefined) => onChange?.(picked ? { value: picked.value, label: String(picked.label) } : null)}
    />
  );
}
