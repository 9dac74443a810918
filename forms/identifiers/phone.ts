/** A phone number as lists and those who do not handle the person see it: the first three and last four digits (138****5678). */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  return digits.length >= 7 ? `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}` : '*'.repeat(digits.length);
}
