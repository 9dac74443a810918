/**
 * 社会保障卡卡号 (the card number printed on the 中华人民共和国社会保障卡, AAZ500 in the ministry's
 * data dictionary): 9 characters, digits, the first of which may be a capital letter (`B00000019`,
 * `548426015`). It is not the 社会保障号码, which is the citizen ID number, nor the card's 32-character
 * 卡识别码, nor the bank account of its financial function. No check character is published for it,
 * so only the form is checked.
 */
const CARD_NO = /^[A-Z0-9]\d{8}$/;

/** The form a card number is kept in: upper case, no spaces. */
export function normalSocialSecurityCardNo(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

/** Whether a value (spaces and case aside) has the form of a 社会保障卡卡号. */
export function isSocialSecurityCardNo(value: string): boolean {
  return CARD_NO.test(normalSocialSecurityCardNo(value));
}

/** A card number as lists show it: the first character and the last two (`B******19`). */
export function maskSocialSecurityCardNo(value: string): string {
  const normal = normalSocialSecurityCardNo(value);
  return normal.length <= 3 ? '*'.repeat(normal.length) : `${normal[0]}${'*'.repeat(normal.length - 3)}${normal.slice(-2)}`;
}
