/** The tag colour of each status. */
export const STATUS_COLOR = { active: 'green', suspended: 'orange', revoked: 'red' } as const;

/** Today in China, YYYY-MM-DD: a licence that ended before it has lapsed. */
export function chinaToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
