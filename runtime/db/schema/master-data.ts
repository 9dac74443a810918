import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from './organisation.ts';

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
    createdBy: uuid('created_by').notNull().references(() => users.id),
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
    /** The day the business was established (成立日期 on its licence). */
    establishedOn: date('established_on', { mode: 'string' }),
    /** Set when a code failing its check was accepted as a legal early pilot code: who, when, why. */
    checkOverride: jsonb('check_override').$type<{ by: string; at: string; reason: string; problem: string }>(),
    /** The bulk import that brought the record in (`import_jobs.id`); null for one registered at a window. */
    importId: uuid('import_id'),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'employers_pkey', columns: [t.cityCode, t.id] }),
    unique('employers_city_credit_code_key').on(t.cityCode, t.creditCode),
    index('employers_id_idx').on(t.id),
    index('employers_legal_rep_id_number_index_idx').on(t.legalRepIdNumberIndex),
  ],
);
