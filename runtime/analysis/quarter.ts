import { PlatformError } from '../../engine/index.ts';

/** A calendar quarter (季度): `2026-Q4` runs from 2026-10-01 to 2026-12-31 inclusive (China dates). */
export interface Quarter {
  id: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

const LAST_DAY = ['03-31', '06-30', '09-30', '12-31'] as const;

function quarterOf(year: number, quarter: 1 | 2 | 3 | 4): Quarter {
  const firstMonth = String(quarter * 3 - 2).padStart(2, '0');
  return { id: `${year}-Q${quarter}`, year, quarter, from: `${year}-${firstMonth}-01`, to: `${year}-${LAST_DAY[quarter - 1]}` };
}

/** 解析季度 Parses `YYYY-Qn`; anything else is a malformed request. */
export function parseQuarter(id: string): Quarter {
  const match = /^(\d{4})-Q([1-4])$/.exec(id);
  if (!match) throw new PlatformError('BAD_REQUEST', { details: { quarter: id, expected: 'YYYY-Qn' } });
  return quarterOf(Number(match[1]), Number(match[2]) as 1 | 2 | 3 | 4);
}

/** The quarter `delta` quarters later (negative: earlier): -1 is the previous quarter, -4 the same quarter last year. */
export function shiftQuarter(q: Quarter, delta: number): Quarter {
  const index = q.year * 4 + (q.quarter - 1) + delta;
  return quarterOf(Math.floor(index / 4), ((index % 4) + 1) as 1 | 2 | 3 | 4);
}
