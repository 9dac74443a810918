/** A time as China reads it, 24-hour, e.g. `2026/11/26 14:05:00`; a dash when absent. */
export function chinaTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
}

/** Integer fen as yuan with two decimals and thousands separators, exact (no floating point): 123456789 -> 1,234,567.89. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
