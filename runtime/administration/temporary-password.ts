import { randomInt } from 'node:crypto';
import { passwordProblems } from '../auth/index.ts';

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const LOWER = 'abcdefghjkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LOWER + UPPER + DIGITS;

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}

/**
 * A temporary password an administrator hands over once (`Abcd-2efg-H3jk`): twelve random characters
 * of three classes in groups, meeting the password policy for the given username; the user must
 * change it at the first sign-in.
 */
export function temporaryPassword(username: string): string {
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), ...Array.from({ length: 9 }, () => pick(ALL))];
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
    if (passwordProblems(password, username).length === 0) return password;
  }
}
