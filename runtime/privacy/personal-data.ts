import { maskCitizenId, maskPhone } from '../../forms/index.ts';
import type { FieldCipher } from '../crypto/index.ts';

/** How an ID number is stored: encrypted, its blind index for look-up and uniqueness, and its masked form for lists. */
export interface SealedIdNumber {
  idNumber: string;
  idNumberIndex: string;
  idNumberMasked: string;
}

/** The form the blind index is taken of: upper case, no spaces (a trailing `x` is `X`). */
export function normalIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** An ID number as the database keeps it. */
export function sealIdNumber(cipher: FieldCipher, idNumber: string): SealedIdNumber {
  const normal = normalIdNumber(idNumber);
  return { idNumber: cipher.encrypt(normal), idNumberIndex: cipher.index(normal), idNumberMasked: maskCitizenId(normal) };
}

/** A phone number as the database keeps it: encrypted, and masked for lists; both null for none. */
export function sealPhone(cipher: FieldCipher, phone: string | null | undefined): { phone: string | null; phoneMasked: string | null } {
  const value = phone?.trim();
  return value ? { phone: cipher.encrypt(value), phoneMasked: maskPhone(value) } : { phone: null, phoneMasked: null };
}

/** A stored personal value in the clear, for someone whose work needs it; null stays null. */
export function openValue(cipher: FieldCipher, stored: string | null): string | null {
  return stored === null ? null : cipher.decrypt(stored);
}

/** A payment account as lists show it: the first and last four digits, `6222 **** **** 1234`. */
export function maskAccount(account: string): string {
  const digits = account.replace(/\s/g, '');
  return digits.length <= 8 ? `**** ${digits.slice(-4)}` : `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`;
}

/** A payment account as the database keeps it: encrypted (spaces removed), and masked for views; both null for none. */
export function sealAccount(cipher: FieldCipher, account: string | null | undefined): { account: string | null; masked: string | null } {
  const value = account?.replace(/\s/g, '');
  return value ? { account: cipher.encrypt(value), masked: maskAccount(value) } : { account: null, masked: null };
}

/** Any personal value as the database keeps it: encrypted, with the masked form `mask` gives; both null for none (or blank). */
export function sealMasked(cipher: FieldCipher, value: string | null | undefined, mask: (value: string) => string): { value: string | null; masked: string | null } {
  const clear = value?.trim();
  return clear ? { value: cipher.encrypt(clear), masked: mask(clear) } : { value: null, masked: null };
}
