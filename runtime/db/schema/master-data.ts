import { bigint, boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from './organisation.ts';

/** One skill or certificate of a person: a vocational qualification, a skill-level certificate, a special-operations permit, ... */
export interface PersonSkill {
  kind: 'vocational-qualification' | 'skill-level' | 'special-operation' | 'professional-title' | 'other';
  name: string;
  /** An occupation code of the 2022 大典 (`occupation-2022`), where the certificate names one. */
  occupation?: string | undefined;
  /** 1 (高级技师) to 5 (初级工) for skill levels; none where the certificate has no level. */
  level?: number | undefined;
  number?: string | undefined;
  issuedOn?: string | undefined;
}

/**
 * Real-name person records, one per city. Tenant tables carry `city_code` in every key so
 * the schema can be distributed by city (Citus) without redesign; nationwide rules look a
 * person up across cities by the blind index of the ID number. The ID number and the phone are
 * stored encrypted (SM4-CTR + HMAC-SM3); their masked forms are kept for lists.
 */
export const persons = pgTable(
  'persons',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    /** The citizen ID number, encrypted. */
    idNumber: text('id_number').notNull(),
    /** HMAC of the ID number under the index key: exact look-up and uniqueness without the number. */
    idNumberIndex: text('id_number_index'),
    /** 350203********015X, for lists and for those who do not handle the person. */
    idNumberMasked: text('id_number_masked'),
    name: text('name').notNull(),
    /** Pinyin initials of the name (张三 → `zs`) for search; filled on registration, lazily for older rows. */
    nameInitials: text('name_initials'),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    /** The phone number, encrypted. */
    phone: text('phone'),
    phoneMasked: text('phone_masked'),
    hukouArea: text('hukou_area'),
    residenceArea: text('residence_area'),
    address: text('address'),
    /** Where the person's payments go: a 社会保障卡金融账户 or a bank account, its number encrypted. */
    paymentAccountType: text('payment_account_type', { enum: ['social-security-card', 'bank-account'] }),
    paymentAccount: text('payment_account'),
    /** 6222 **** **** 1234, for every view. */
    paymentAccountMasked: text('payment_account_masked'),
    paymentBank: text('payment_bank'),
    /** 户口性质, a code of the `hukou-type` table. */
    hukouType: text('hukou_type'),
    email: text('email'),
    emergencyContactName: text('emergency_contact_name'),
    /** The emergency contact's phone, encrypted, with its masked form. */
    emergencyContactPhone: text('emergency_contact_phone'),
    emergencyContactPhoneMasked: text('emergency_contact_phone_masked'),
    /** 社会保障卡卡号, encrypted (as the ID number), with its masked form (`B******19`). */
    socialSecurityCardNo: text('social_security_card_no'),
    socialSecurityCardNoMasked: text('social_security_card_no_masked'),
    /** Skills and certificates: kind, name, occupation (大典 2022), level, number, issued on. */
    skills: jsonb('skills').$type<PersonSkill[]>().notNull().default([]),
    /** Set on a duplicate record merged into another (the kept one): the record stays, pointing to it. */
    mergedInto: uuid('merged_into'),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    /**
     * The person's statuses by the key a package declares (`plugin.json` `statuses`), e.g.
     * `{"unemploymentStatus":"registered"}`; a status not set (its value `none`) has no key.
     */
    statuses: jsonb('statuses').$type<Record<string, string>>().notNull().default({}),
    /** Suitable jobs refused without a good reason, counted from referrals. */
    unjustifiedRefusals: integer('unjustified_refusals').notNull().default(0),
    /** 就业创业证 number, issued on the first unemployment registration. */
    certificateNo: text('certificate_no'),
    /** The bulk import that brought the record in (`import_jobs.id`); null for one registered at a window. */
    importId: uuid('import_id'),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    /** The staff user who registered the person; null when the person signed up on the public site. */
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'persons_pkey', columns: [t.cityCode, t.id] }),
    uniqueIndex('persons_city_id_number_index_key').on(t.cityCode, t.idNumberIndex),
    index('persons_id_number_index_idx').on(t.idNumberIndex),
    index('persons_id_idx').on(t.id),
    // Pattern ops so `LIKE 'zs%'` uses the index whatever the database collation; NULLs (not yet filled) are indexed too.
    index('persons_name_initials_idx').on(t.nameInitials.op('text_pattern_ops')),
  ],
);

/**
 * Who holds a status a package declares nationwide (`plugin.json` `statuses.*.nationwide`, e.g. a
 * registered unemployment): one row per ID number and status, so a second city's record of the
 * same person cannot take it while one holds it, even at the same moment (the key decides, not a
 * read). Written with the holder's `persons.statuses` in the same statement; a status set back to
 * its default deletes the row. The holder's blind index follows a re-index (`ON UPDATE CASCADE`).
 */
export const nationwideStatuses = pgTable(
  'nationwide_statuses',
  {
    idNumberIndex: text('id_number_index').notNull(),
    statusKey: text('status_key').notNull(),
    value: text('value').notNull(),
    /** The city whose person record holds it. */
    cityCode: text('city_code').notNull(),
    /** The case that set it; none for a row carried over from before the table. */
    caseId: uuid('case_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'nationwide_statuses_pkey', columns: [t.idNumberIndex, t.statusKey] }),
    foreignKey({ name: 'nationwide_statuses_holder_fk', columns: [t.cityCode, t.idNumberIndex], foreignColumns: [persons.cityCode, persons.idNumberIndex] })
      .onUpdate('cascade')
      .onDelete('cascade'),
  ],
);

/** Employers by unified social credit code, one record per city. */
export const employers = pgTable(
  'employers',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    /** The legal representative's citizen ID number, encrypted (as `persons.id_number`); none where not recorded. */
    legalRepIdNumber: text('legal_rep_id_number'),
    /** Blind index of the legal representative's ID number: compared with `persons.id_number_index`, in any city, never the number. */
    legalRepIdNumberIndex: text('legal_rep_id_number_index'),
    /** 350203********015X, for lists. */
    legalRepIdNumberMasked: text('legal_rep_id_number_masked'),
    /** The legal representative's name (法定代表人). */
    legalRepName: text('legal_rep_name'),
    /** The day the business was established (成立日期 on its licence). */
    establishedOn: date('established_on', { mode: 'string' }),
    address: text('address'),
    /** GB/T 4754-2017 class (4 digits) of its main activity. */
    industry: text('industry'),
    /** 登记注册类型, a code of the `registration-type-2011` table. */
    ownershipType: text('ownership_type'),
    /** 大型 / 中型 / 小型 / 微型 by the statistics bureau's size rule. */
    size: text('size', { enum: ['large', 'medium', 'small', 'micro'] }),
    contactName: text('contact_name'),
    /** The contact's phone, encrypted, with its masked form. */
    contactPhone: text('contact_phone'),
    contactPhoneMasked: text('contact_phone_masked'),
    /** Set when a code failing its check was accepted as a legal early pilot code: who, when, why. */
    checkOverride: jsonb('check_override').$type<{ by: string; at: string; reason: string; problem: string }>(),
    /** The bulk import that brought the record in (`import_jobs.id`); null for one registered at a window. */
    importId: uuid('import_id'),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'employers_pkey', columns: [t.cityCode, t.id] }),
    unique('employers_city_credit_code_key').on(t.cityCode, t.creditCode),
    index('employers_id_idx').on(t.id),
    index('employers_legal_rep_id_number_index_idx').on(t.legalRepIdNumberIndex),
  ],
);

/**
 * Every change of a person's or employer's record, append-only (a trigger refuses UPDATE and
 * DELETE): who, when, which field, the value before and after, and the stated reason. The values of
 * personal fields (a phone, a card number) are kept encrypted, with their masked forms beside them
 * for readers who do not handle the subject. One request's changes share a `change_id`.
 */
export const masterDataHistory = pgTable(
  'master_data_history',
  {
    cityCode: text('city_code').notNull(),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    subjectType: text('subject_type', { enum: ['person', 'employer'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    changeId: uuid('change_id').notNull(),
    /** `edit`, or `merge` for what a merge did to either record. */
    kind: text('kind', { enum: ['edit', 'merge'] }).notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    /** Whether the values are personal: encrypted here, shown masked to those who do not handle the subject. */
    personal: boolean('personal').notNull().default(false),
    oldMasked: text('old_masked'),
    newMasked: text('new_masked'),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'master_data_history_pkey', columns: [t.cityCode, t.id] }), index('master_data_history_subject_idx').on(t.cityCode, t.subjectType, t.subjectId)],
);
