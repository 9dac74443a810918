import { useCallback } from 'react';
import { useLocalized } from '../../i18n.ts';
import { useRoleName } from '../../roles.ts';
import type { FlowSelection } from '../elements.ts';
import { usePostName } from '../usePostName.ts';
import { useLockText } from '../useLockText.ts';
import type { FlowGraph, FlowState, FlowTransition } from './graph.ts';

/**
 * The texts the flow shows, in the reader's language: who locked an element and why, a state's
 * role and post, an event's label lines (title, then roles). `levelName` names the org unit that
 * set a lock.
 */
export function useFlowTexts(levelName: (level: string) => string) {
  const l = useLocalized();
  const roleName = useRoleName();
  const postName = usePostName();
  const lockText = useLockText(levelName);
  const roleText = useCallback((state: FlowState) => [roleName(state.task?.role), state.task?.post && postName(state.task.post)].filter(Boolean).join(' · '), [roleName, postName]);
  const labelLines = useCallback((transition: FlowTransition) => [l(transition.title), transition.roles.map(roleName).join('、')], [l, roleName]);
  return { lockText, roleText, labelLines };
}

/** What both drawings of a flow (the graph, and the list on a narrow screen) are given: the flow, the selected element, and the flow's texts. */
export interface FlowDrawingProps extends ReturnType<typeof useFlowTexts> {
  graph: FlowGraph;
  selection: FlowSelection | null;
  onSelect: (selection: FlowSelection) => void;
}
