import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { FlowGraph, FlowTransition } from './graph.ts';

/** The size every state box is drawn at. */
export const STATE_SIZE = { width: 180, height: 84 };
/** The font size of the labels and state boxes in flow coordinates (`.config-node`, edge labels). */
export const LABEL_FONT = 12;
const LABEL_LINE = 18;
const LABEL_PADDING = 12;
/** Edge labels wrap at this width, so long event titles do not stretch the layers apart. */
const LABEL_WIDTH = 110;

export interface Point {
  x: number;
  y: number;
}

/** Where the layout put everything, in flow coordinates. */
export interface FlowLayout {
  states: Map<string, Point>;
  transitions: Map<string, { points: Point[]; label: Point & { width: number; height: number } }>;
  width: number;
  height: number;
}

/** The width a line of text takes at the label font: Chinese characters are square, Latin ones about half. */
function textWidth(text: string, fontSize = LABEL_FONT): number {
  let width = 0;
  for (const char of text) width += /[\u2e80-\u9fff\uff00-\uffef]/.test(char) ? fontSize : fontSize * 0.6;
  return Math.ceil(width);
}

/** The units a line breaks between: each Chinese character, each Latin word with the spaces after it. */
function breakUnits(line: string): string[] {
  return line.match(/[\u2e80-\u9fff\uff00-\uffef]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g) ?? [];
}

/**
 * A label's lines wrapped to the label width: Chinese between any two characters, Latin text
 * between words (a word longer than the width is cut).
 */
export function wrapLines(lines: readonly string[], max = LABEL_WIDTH): string[] {
  return lines.flatMap((line) => {
    const wrapped: string[] = [];
    let current = '';
    const push = (unit: string) => {
      if (current && textWidth((current + unit).trimEnd()) > max) {
        wrapped.push(current.trimEnd());
        current = unit.trimStart();
      } else current += unit;
    };
    for (const unit of breakUnits(line)) {
      if (textWidth(unit.trimEnd()) > max) [...unit].forEach(push);
      else push(unit);
    }
    return current.trim() ? [...wrapped, current.trimEnd()] : wrapped;
  });
}

/** Room a lock badge takes beside a label's text. */
const BADGE_WIDTH = 22;

/** The box an edge label needs for its lines (and its lock badge, when the event is locked). */
export function labelSize(lines: readonly string[], locked = false): { width: number; height: number } {
  return { width: Math.max(40, ...lines.map((line) => textWidth(line))) + LABEL_PADDING + (locked ? BADGE_WIDTH : 0), height: lines.length * LABEL_LINE + 8 };
}

/**
 * Lays a flow out left to right with ELK's layered algorithm: states in layers by where the
 * events lead, edges routed orthogonally around them, each label given its own place so labels
 * of parallel events do not overlap. ELK is loaded on first use.
 */
export async function layoutFlow(graph: FlowGraph, labelLines: (transition: FlowTransition) => string[]): Promise<FlowLayout> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const root: ElkNode = {
    id: 'flow',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '24',
      'elk.spacing.nodeNode': '30',
      'elk.spacing.edgeNode': '12',
      'elk.spacing.edgeLabel': '4',
      'elk.spacing.edgeEdge': '14',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      // A return (审核 back to 受理) makes a cycle: the edge against the definition's order of states is the one turned back, so the flow still reads from its start.
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
    },
    children: graph.states.map((state) => ({ id: state.id, ...STATE_SIZE })),
    edges: graph.transitions.map((transition): ElkExtendedEdge => {
      const lines = wrapLines(labelLines(transition));
      return { id: transition.id, sources: [transition.source], targets: [transition.target], labels: [{ id: `${transition.id}#label`, text: lines.join('\n'), ...labelSize(lines, transition.locks.length > 0) }] };
    }),
  };
  const placed = await new ELK().layout(root);
  const states = new Map((placed.children ?? []).map((child) => [child.id, { x: child.x ?? 0, y: child.y ?? 0 }]));
  const transitions: FlowLayout['transitions'] = new Map();
  for (const edge of (placed.edges ?? []) as ElkExtendedEdge[]) {
    const section = edge.sections?.[0];
    const label = edge.labels?.[0];
    if (!section) continue;
    transitions.set(edge.id, {
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
      label: { x: label?.x ?? section.startPoint.x, y: label?.y ?? section.startPoint.y, width: label?.width ?? 0, height: label?.height ?? 0 },
    });
  }
  return { states, transitions, width: placed.width ?? 0, height: placed.height ?? 0 };
}
