import { WarningOutlined } from '@ant-design/icons';
import { Background, BaseEdge, Controls, EdgeLabelRenderer, Handle, MarkerType, Position, ReactFlow, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { Tag } from 'antd';
import { useMemo, type KeyboardEvent } from 'react';
import { defineMessages, useLocalized } from '../../i18n.ts';
import { LockBadge } from '../badges.tsx';
import { useConfigMessages } from '../messages.ts';
import type { FlowState, FlowTransition } from './graph.ts';
import { LABEL_FONT, STATE_SIZE, wrapLines, type FlowLayout, type Point } from './layout.ts';
import type { FlowDrawingProps } from './useFlowTexts.ts';

/** The smallest the labels may be drawn on screen, in pixels (12, the flow font: never shrunk): a large flow is panned and zoomed in, not shrunk. */
const MIN_LABEL_PX = 12;
const MIN_ZOOM = MIN_LABEL_PX / LABEL_FONT;

/** Texts the canvas shows that belong to the state and transition. */
interface StateData extends Record<string, unknown> {
  state: FlowState;
  lockText: string | null;
  roleText: string;
  selected: boolean;
}
interface TransitionData extends Record<string, unknown> {
  transition: FlowTransition;
  points: Point[];
  label: Point & { width: number; height: number };
  titleLines: string[];
  roleLines: string[];
  lockText: string | null;
  selected: boolean;
  onSelect: (id: string) => void;
}

const useCanvasMessages = defineMessages({
  controls: { 'zh-CN': '缩放控制', en: 'Zoom controls' },
  zoomIn: { 'zh-CN': '放大', en: 'Zoom in' },
  zoomOut: { 'zh-CN': '缩小', en: 'Zoom out' },
  fitView: { 'zh-CN': '适应画布', en: 'Fit to view' },
  stateHint: { 'zh-CN': '按回车键或空格键在右侧查看该环节的详情', en: 'Press Enter or Space to show this state’s details beside the flow' },
  selected: { 'zh-CN': '{title}（已选中）', en: '{title} (selected)' },
});

function StateNode({ data }: NodeProps<Node<StateData>>) {
  const t = useConfigMessages();
  const l = useLocalized();
  const { state } = data;
  const classes = ['config-node', state.locks.length > 0 && 'config-node--locked', state.final && 'config-node--final', state.marked && 'config-node--marked', data.selected && 'config-node--selected'];
  return (
    <div className={classes.filter(Boolean).join(' ')} style={STATE_SIZE}>
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="config-node-head">
        {data.lockText && <LockBadge text={data.lockText} nodrag />}
        {state.marked && <WarningOutlined className="config-node-problem" aria-label={t('problem')} />}
        <strong className="config-node-title" title={l(state.title)}>
          {l(state.title)}
        </strong>
        {state.initial && <Tag color="blue">{t('start')}</Tag>}
        {state.final && <Tag>{t('final')}</Tag>}
      </div>
      <div className="config-node-line">{state.task ? data.roleText : t('noTask')}</div>
      {state.task?.slaWorkingDays !== undefined && <div className="config-node-line">{t('slaLine', { n: state.task.slaWorkingDays })}</div>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
}

/** An edge drawn along ELK's route, its label where ELK placed it; the label selects the edge. */
function TransitionEdge({ id, data, markerEnd }: EdgeProps<Edge<TransitionData>>) {
  if (!data) return null;
  const { transition, points, label } = data;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x} ${p.y}`).join(' ');
  const classes = ['config-edge-label', 'nodrag', 'nopan', transition.locks.length > 0 && 'config-edge-label--locked', transition.marked && 'config-edge-label--marked', data.selected && 'config-edge-label--selected'];
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={transition.locks.length > 0 ? 'config-edge--locked' : transition.marked ? 'config-edge--marked' : undefined} />
      <EdgeLabelRenderer>
        <div className={classes.filter(Boolean).join(' ')} style={{ transform: `translate(${label.x}px, ${label.y}px)`, width: label.width, minHeight: label.height }} onClick={() => data.onSelect(id)}>
          {data.lockText && <LockBadge text={data.lockText} nodrag />}
          {data.titleLines.map((line, i) => (
            <div key={`t${i}`} className="config-edge-title">
              {line}
            </div>
          ))}
          {data.roleLines.map((line, i) => (
            <div key={`r${i}`} className="config-edge-roles">
              {line}
            </div>
          ))}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

const nodeTypes = { state: StateNode };
const edgeTypes = { transition: TransitionEdge };

/** Colours of edges: locked ones orange, those with a problem red, the rest grey. */
function edgeColour(transition: FlowTransition): string {
  if (transition.marked) return '#f5222d';
  return transition.locks.length > 0 ? '#d46b08' : '#8c8c8c';
}

/**
 * The flow drawn with React Flow at the positions ELK computed: states as boxes (locked ones
 * orange with a lock, those with a problem red), events as arrows labelled with their title and
 * roles. Clicking a state or an arrow selects it. Each state is also a tab stop, named by its
 * title, that Enter or Space selects (the details show beside the flow); the side lists offer the
 * same, and the lock badges take focus to show their reason.
 */
export function FlowCanvas({ graph, layout, selection, onSelect, lockText, roleText, labelLines }: FlowDrawingProps & { layout: FlowLayout }) {
  const c = useCanvasMessages();
  const l = useLocalized();
  const nodes = useMemo(
    (): Node<StateData>[] =>
      graph.states.map((state) => {
        const selected = selection?.kind === 'state' && selection.id === state.id;
        return {
          id: state.id,
          type: 'state',
          position: layout.states.get(state.id) ?? { x: 0, y: 0 },
          data: { state, lockText: lockText(state.locks), roleText: roleText(state), selected },
          draggable: false,
          connectable: false,
          // A tab stop (React Flow's nodes are focusable by default) named by its title.
          ariaLabel: selected ? c('selected', { title: l(state.title) }) : l(state.title),
        };
      }),
    [graph, layout, selection, lockText, roleText, c, l],
  );
  /** Enter or Space on a focused state selects it, as a click does (a badge inside it keeps its own keys). */
  const selectFocused = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target as HTMLElement;
    const id = target.classList.contains('react-flow__node') ? target.dataset['id'] : undefined;
    if (id === undefined) return;
    event.preventDefault();
    onSelect({ kind: 'state', id });
  };
  const edges = useMemo(
    (): Edge<TransitionData>[] =>
      graph.transitions.flatMap((transition) => {
        const route = layout.transitions.get(transition.id);
        if (!route) return [];
        const [title = '', roles = ''] = labelLines(transition);
        return [
          {
            id: transition.id,
            type: 'transition',
            source: transition.source,
            target: transition.target,
            markerEnd: { type: MarkerType.ArrowClosed, color: edgeColour(transition), width: 18, height: 18 },
            style: { stroke: edgeColour(transition) },
            data: {
              transition,
              points: route.points,
              label: route.label,
              titleLines: wrapLines([title]),
              roleLines: wrapLines([roles]),
              lockText: lockText(transition.locks),
              selected: selection?.kind === 'transition' && selection.id === transition.id,
              onSelect: (id: string) => onSelect({ kind: 'transition', id }),
            },
          },
        ];
      }),
    [graph, layout, selection, lockText, labelLines, onSelect],
  );

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      fitView
      fitViewOptions={{ padding: 0.08, minZoom: MIN_ZOOM }}
      minZoom={MIN_ZOOM}
      nodesDraggable={false}
      nodesConnectable={false}
      edgesFocusable={false}
      elementsSelectable={false}
      onNodeClick={(_, node) => onSelect({ kind: 'state', id: node.id })}
      onEdgeClick={(_, edge) => onSelect({ kind: 'transition', id: edge.id })}
      onKeyDown={selectFocused}
      ariaLabelConfig={{
        'node.a11yDescription.default': c('stateHint'),
        'controls.ariaLabel': c('controls'),
        'controls.zoomIn.ariaLabel': c('zoomIn'),
        'controls.zoomOut.ariaLabel': c('zoomOut'),
        'controls.fitView.ariaLabel': c('fitView'),
      }}
    >
      <Background gap={16} color="#eef0f3" />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
