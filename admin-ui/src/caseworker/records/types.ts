import type { Answer } from '../../../../client/index.ts';

/** A record's history, newest first; `masked` when the reader does not handle the subject (`GET /api/persons/{id}/history`, or employers'). */
export type History = Answer<'/api/persons/{id}/history', 'get'>;

/** One change of a record. */
export type HistoryEntry = History['items'][number];

/** A person as `GET /api/persons/{id}` answers. */
export type PersonRecord = Answer<'/api/persons/{id}', 'get'>;

/** One skill or certificate on a person's record. */
export type PersonSkill = PersonRecord['skills'][number];

/** The editable part of a person as `GET /api/persons/{id}` answers it. */
export type PersonFields = Pick<
  PersonRecord,
  'name' | 'phone' | 'email' | 'hukouType' | 'hukouArea' | 'residenceArea' | 'address' | 'socialSecurityCardNo' | 'emergencyContactName' | 'emergencyContactPhone' | 'skills' | 'masked' | 'mergedInto'
>;

/** An employer as `GET /api/employers/{id}` answers. */
export type EmployerRecord = Answer<'/api/employers/{id}', 'get'>;
