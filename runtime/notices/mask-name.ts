/**
 * A name as a public notice shows it (公示姓名脱敏): the first and last characters kept, each one
 * between masked (张三丰 → 张*丰, 欧阳娜娜 → 欧**娜); a two-character name keeps its first
 * (张三 → 张*), a one-character name shows nothing. Characters, not UTF-16 units, so a name with
 * a rare character outside the basic plane is cut where a reader sees it cut.
 */
export function maskNoticeName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
