import { check, date, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { orgUnits, users } from './organisation.ts';

/** The kinds of institution the registry holds: 职业培训机构, 职业技能等级认定（鉴定）机构, 职业中介机构, 创业孵化基地. */
export const INSTITUTION_KINDS = ['training', 'skill-assessment', 'employment-agency', 'incubator'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Whether an institution may act: active, suspended (暂停, may be reinstated) or revoked (撤销, final). */
export const INSTITUTION_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

/**
 * Institutions a city has qualified, one row per city, credit code and kind (one organisation may
 * hold a training licence and an assessment filing), so that subsidy processes name a registered
 * institution by its credit code and their rules read its status, validity and occupations in scope.
 */
export const institutions = pgTable(
  'institutions',
  {
    cityCode: text('city_code').notNull(),
    id: uuid('id').notNull(),
    creditCode: text('credit_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: INSTITUTION_KINDS }).notNull(),
    /** 办学许可证 / 备案 / 人力资源服务许可证 number. */
    licenceNo: text('licence_no').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    /** Codes of the 2022 occupational classification (any level: a group covers every occupation under it). */
    occupations: jsonb('occupations').$type<string[]>().notNull().default([]),
    status: text('status', { enum: INSTITUTION_STATUSES }).notNull().default('active'),
    /** Set when a code failing its check was accepted as a legal early pilot code: who, when, why. */
    checkOverride: jsonb('check_override').$type<{ by: string; at: string; reason: string; problem: string }>(),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    createdBy: uuid('created_by').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'institutions_pkey', columns: [t.cityCode, t.id] }),
    unique('institutions_city_credit_code_kind_key').on(t.cityCode, t.creditCode, t.kind),
    index('institutions_id_idx').on(t.id),
    check('institutions_validity_check', sql`${t.validFrom} <= ${t.validUntil}`),
  ],
);
