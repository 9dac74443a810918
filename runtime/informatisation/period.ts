import { PlatformError, chinaDayEnd, chinaDayStart } from '../../engine/index.ts';

/** An assessment period: a year (`2026`) or a quarter (`2026-Q3`), as China dates and instants. */
export interface AssessmentPeriod {
  id: string;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
  start: Date;
  /** The instant after the last day. */
  end: Date;
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

/** 解析考核期 Parses `YYYY` or `YYYY-Qn` (years 2000 to 2099); anything else is a malformed request. */
export function parsePeriod(id: string): AssessmentPeriod {
  const match = /^(20\d{2})(?:-Q([1-4]))?$/.exec(id);
  if (!match) throw new PlatformError('BAD_REQUEST', { details: { period: id, expected: 'YYYY or YYYY-Qn' } });
  const year = match[1]!;
  const quarter = match[2] ? Number(match[2]) : undefined;
  const from = quarter ? `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01` : `${year}-01-01`;
  const to = quarter ? `${year}-${QUARTER_ENDS[quarter - 1]}` : `${year}-12-31`;
  return { id, from, to, start: chinaDayStart(from), end: chinaDayEnd(to) };
}
