/** One change of a record as `GET /api/persons/{id}/history` (or employers') answers. */
export interface HistoryEntry {
  id: number;
  changeId: string;
  kind: 'edit' | 'merge';
  field: string;
  oldValue: string | null;
  newValue: string | null;
  personal: boolean;
  masked: boolean;
  reason: string;
  actor: { id: string; name: string };
  at: string;
}

/** A record's history, newest first; `masked` when the reader does not handle the subject. */
export interface History {
  items: HistoryEntry[];
  masked: boolean;
}

/** One skill or certificate on a person's record. */
export interface PersonSkill {
  kind: 'vocational-qualification' | 'skill-level' | 'special-operation' | 'professional-title' | 'other';
  name: string;
  occupation?: string;
  level?: number;
  number?: string;
  issuedOn?: string;
}

/** The editable part of a person as `GET /api/persons/{id}` answers it. */
export interface PersonFields {
  name: string;
  phone: string | null;
  email: string | null;
  hukouType: string | null;
  /** Division codes: a county's 6 digits for 户籍地; a street's 9 or a community's 12 for 常住地 too. */
  hukouArea: string | null;
  residenceArea: string | null;
  address: string | null;
  socialSecurityCardNo: string | null;
  emergencyContactName: string | null;
  emergencyContactPhone: string | null;
  skills: PersonSkill[];
  masked: boolean;
  mergedInto: string | null;
}

/** An employer as `GET /api/employers/{id}` answers. */
export interface EmployerRecord {
  id: string;
  creditCode: string;
  name: string;
  legalRepName: string | null;
  legalRepIdNumber: string | null;
  establishedOn: string | null;
  address: string | null;
  industry: string | null;
  ownershipType: string | null;
  size: 'large' | 'medium' | 'small' | 'micro' | null;
  contactName: string | null;
  contactPhone: string | null;
  masked: boolean;
}
