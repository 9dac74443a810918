/**
 * A citizen's or an employer's account on the public site: apart from staff accounts (`users`),
 * with its own sessions. A citizen signs up under real name and is a `persons` row from the start;
 * an employer's account is usable (`active`, with its `employers` row) once a caseworker has
 * verified it.
 */
export type PublicAccountKind = 'citizen' | 'employer';

/** `pending`: an employer waiting for a caseworker's check; `refused`: that check said no; `disabled`: closed by an administrator. */
export type PublicAccountStatus = 'active' | 'pending' | 'refused' | 'disabled';

/** A signed-in public account, as a page or a service sees it: nothing in it is secret or in full. */
export interface PublicAccount {
  id: string;
  kind: PublicAccountKind;
  status: PublicAccountStatus;
  /** The city whose site the account was opened on: its cases go to that city's offices. */
  cityCode: string;
  /** The citizen's name, or the employer's name. */
  displayName: string;
  /** A citizen's `persons` row; null for an employer. */
  personId: string | null;
  /** An employer account's `employers` row, once verified; null before and for a citizen. */
  employerId: string | null;
}
