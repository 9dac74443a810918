/** A time as China reads it, 24-hour, e.g. `2026/11/26 14:05:00`; a dash when absent. */
export function chinaTime(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—';
}
