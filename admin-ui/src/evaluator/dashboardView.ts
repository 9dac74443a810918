import type { SessionUser } from '../api.ts';
import { defaultPeriod, quarterOf, type Period } from './period.ts';
import type { UnitRef } from './types.ts';

/** What the dashboard shows: the tab, the way down the org tree, and each tab's filters. */
export interface DashboardView {
  tab: 'performance' | 'market';
  /** From the user's own unit down to the one looked at. */
  trail: UnitRef[];
  period: Period;
  post: string | null;
  /** The market tab's quarter, `YYYY-Qn`. */
  quarter: string;
}

const QUARTER = /^\d{4}-Q[1-4]$/;
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const RANGE = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})$/;

function periodFrom(text: string | null, today: string): Period {
  if (text && QUARTER.test(text)) return { kind: 'quarter', quarter: text };
  if (text && MONTH.test(text)) return { kind: 'month', month: text };
  const range = text ? RANGE.exec(text) : null;
  if (range && range[1]! <= range[2]!) return { kind: 'range', from: range[1]!, to: range[2]! };
  return defaultPeriod(today);
}

function periodText(period: Period): string {
  if (period.kind === 'quarter') return period.quarter;
  if (period.kind === 'month') return period.month;
  return `${period.from}~${period.to}`;
}

/**
 * The view a hash query names (`#/dashboard?unit=350200:厦门市&period=2026-Q3&post=…&tab=market&quarter=…`),
 * so a reload, the back button and a link keep the drill level and the filters; what it omits or
 * spells wrong is the default. Each `unit` is one step below the user's own unit, id and name.
 */
export function readView(query: URLSearchParams, user: SessionUser, today: string): DashboardView {
  const below = query.getAll('unit').flatMap((step) => {
    const at = step.indexOf(':');
    return at > 0 && at < step.length - 1 ? [{ id: step.slice(0, at), name: step.slice(at + 1) }] : [];
  });
  const quarter = query.get('quarter');
  return {
    tab: query.get('tab') === 'market' ? 'market' : 'performance',
    trail: [{ id: user.orgUnit.id, name: user.orgUnit.name }, ...below],
    period: periodFrom(query.get('period'), today),
    post: query.get('post') || null,
    quarter: quarter && QUARTER.test(quarter) ? quarter : quarterOf(today),
  };
}

/** The hash query of a view, naming only what differs from the default. */
export function viewQuery(view: DashboardView, today: string): string {
  const query = new URLSearchParams();
  for (const unit of view.trail.slice(1)) query.append('unit', `${unit.id}:${unit.name}`);
  const period = periodText(view.period);
  if (period !== periodText(defaultPeriod(today))) query.set('period', period);
  if (view.post) query.set('post', view.post);
  if (view.tab === 'market') query.set('tab', 'market');
  if (view.quarter !== quarterOf(today)) query.set('quarter', view.quarter);
  return query.toString();
}
