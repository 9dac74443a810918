import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Every role a user may hold. 审计员 (auditor) reads the access log and nothing else. */
export const ROLES = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The organisation tree: ministry > province > city > district > street > community, with
 * service offices under any of them. Ids are administrative division codes (GB/T 2260,
 * extended to 9/12 digits) or, for offices, the parent's code plus a suffix. `path` lists
 * every ancestor's id, so "this unit and below" is one prefix match.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: text('id').primaryKey(),
    parentId: text('parent_id'),
    kind: text('kind', { enum: ['ministry', 'province', 'city', 'district', 'street', 'community', 'office'] }).notNull(),
    name: text('name').notNull(),
    /** `/000000/350000/350200/350203/`: ancestors then self. */
    path: text('path').notNull().unique(),
    /** The 6-digit city this unit belongs to; null above city level. */
    cityCode: text('city_code'),
    /**
     * An office that carries the whole standard post catalogue and gains the posts of new processes at
     * start-up; an office an administrator made keeps the posts it was given.
     */
    standardPosts: boolean('standard_posts').notNull().default(false),
  },
  (t) => [index('org_units_parent_idx').on(t.parentId), index('org_units_path_idx').on(t.path.op('text_pattern_ops'))],
);

/** 岗位: a service post in an office, the unit performance is assessed by. */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey(),
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [unique('posts_org_unit_code_key').on(t.orgUnitId, t.code)],
);

/** A person who signs in: one role, one org unit; the posts they hold are in `user_posts`. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
  active: boolean('active').notNull().default(true),
  /** Demo accounts exist only in demo mode; production mode refuses them at sign-in. */
  demo: boolean('demo').notNull().default(false),
  /** When the password was last set; a password older than the configured age must be changed. */
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  /** A temporary password (set by an administrator) must be changed at the first sign-in. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** The second factor's secret (RFC 6238), encrypted; set on enrolment, in force once `totpEnabledAt` is. */
  totpSecret: text('totp_secret'),
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last 30-second step a code was accepted for: a code is never accepted twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** SHA-256 of the recovery codes not yet used. */
  recoveryCodes: jsonb('recovery_codes').$type<string[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The posts a user holds (one or more; none for staff who take no tasks): a task naming a post is
 * offered to the holders of that post. A small office's generalist window holds several.
 */
export const userPosts = pgTable(
  'user_posts',
  {
    userId: uuid('user_id').notNull().references(() => users.id),
    postId: uuid('post_id').notNull().references(() => posts.id),
  },
  (t) => [primaryKey({ name: 'user_posts_pkey', columns: [t.userId, t.postId] }), index('user_posts_post_idx').on(t.postId)],
);

/**
 * Wrong sign-ins counted per account name (`account:<username>`, known or not) and per address
 * (`address:<ip>`): a key that reaches its limit is locked for a while, checked before any password is hashed.
 */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Server-side sessions: only a hash of the bearer token is stored, so a database leak gives no tokens. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id').notNull().references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end: sign-in plus the configured hours. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last use (to the minute); a session idle longer than the configured minutes ends. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Where the session was opened from, for the access log. */
    address: text('address'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
