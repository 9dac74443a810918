/** One formatter for every time shown: `toLocaleString` with options builds a new one per call, a millisecond each (a table of 20 rows spent 90 ms in it). */
const chinaTimeFormat = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** A time as China reads it, 24-hour, e.g. `2026/11/26 14:05:00`; a dash when absent. */
export function chinaTime(iso: string | null | undefined): string {
  return iso ? chinaTimeFormat.format(new Date(iso)) : '—';
}

/** Integer fen as yuan with two decimals and thousands separators, exact (no floating point): 123456789 -> 1,234,567.89. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
