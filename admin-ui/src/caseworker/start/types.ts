import type { Answer } from '../../../../client/index.ts';

/** A process in force for the user's org unit, as `GET /api/processes` lists it. */
export type ProcessSummary = Answer<'/api/processes', 'get'>['items'][number];

/**
 * A process with its definition (`GET /api/processes/{processId}`): the start screen reads whom it is
 * about and who opens it.
 */
export type ProcessDetail = Answer<'/api/processes/{processId}', 'get'>;

/** Whom a process is about, as its definition's `subject` says. */
export type SubjectKind = ProcessDetail['definition']['subject'];

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
