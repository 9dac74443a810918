import type { Localized, SessionUser } from '../../api.ts';

/** A process in force for the user's org unit, as `GET /api/processes` lists it. */
export interface ProcessSummary {
  id: string;
  version: number;
  title: Localized;
}

/** What the start screen reads from a process definition: whom it is about and who opens it. */
export interface ProcessDetail extends ProcessSummary {
  definition: {
    subject: SubjectKind;
    initial: string;
    states: Record<string, { task?: { role?: SessionUser['role'] } }>;
  };
}

/** Whom a process is about, as its definition's `subject` says. */
export type SubjectKind = 'person' | 'employer';

/** A person as `GET /api/persons` lists it (ID number masked). */
export interface PersonItem {
  id: string;
  idNumber: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  /** Each status the process packages declare, by key (`unemploymentStatus`), `none` where not set. */
  statuses: Record<string, string>;
}

/** An employer as `GET /api/employers` lists it. */
export interface EmployerItem {
  id: string;
  creditCode: string;
  name: string;
}

/** A warning the server returns with a registered person, e.g. an area code not in force. */
export interface RegistrationWarning {
  code: string;
  areaCode: string;
}

/** The subject a case is about, once found or registered. */
export interface ChosenSubject {
  id: string;
  kind: SubjectKind;
  name: string;
  /** Masked ID number or credit code, as lists show it. */
  identifier: string;
  warnings: RegistrationWarning[];
}
