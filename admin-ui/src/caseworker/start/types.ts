import type { Answer } from '../../../../client/index.ts';
import type { SessionUser } from '../../api.ts';

/** A process in force for the user's org unit, as `GET /api/processes` lists it. */
export type ProcessSummary = Answer<'/api/processes', 'get'>['items'][number];

/** Whom a process is about, as its definition's `subject` says. */
export type SubjectKind = 'person' | 'employer';

/**
 * What the start screen reads from a process definition (`GET /api/processes/{processId}`): whom it is
 * about and who opens it. The document gives the definition as an object only: the fields read are named here.
 */
export type ProcessDetail = Answer<'/api/processes/{processId}', 'get'> & {
  definition: {
    subject: SubjectKind;
    initial: string;
    states: Record<string, { task?: { role?: SessionUser['role'] } }>;
  };
};

/** A person as `GET /api/persons` lists it (ID number masked). */
export type PersonItem = Answer<'/api/persons', 'get'>['items'][number];

/** An employer as `GET /api/employers` lists it. */
export type EmployerItem = Answer<'/api/employers', 'get'>['items'][number];

/** A warning the server returns with a registered person, e.g. an area code not in force. */
export type RegistrationWarning = Answer<'/api/persons', 'post'>['warnings'][number];

/** The subject a case is about, once found or registered. */
export interface ChosenSubject {
  id: string;
  kind: SubjectKind;
  name: string;
  /** Masked ID number or credit code, as lists show it. */
  identifier: string;
  warnings: RegistrationWarning[];
}
