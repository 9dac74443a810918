import type { Answer } from '../../../client/index.ts';
import type { SessionUser } from '../api.ts';

/** An account as its administrator sees it (`GET /api/admin/users`). */
export type AdminUser = Answer<'/api/admin/users/{id}', 'get'>;

/** A user and the temporary password, shown once. */
export type UserWithPassword = Answer<'/api/admin/users', 'post'>;

/** One node of the org tree, loaded as it is expanded. */
export type OrgNode = Answer<'/api/admin/org/units', 'get'>['items'][number];

/** A unit with its ancestors and its offices (`GET /api/admin/org/units/{unitId}`). */
export type UnitDetails = Answer<'/api/admin/org/units/{unitId}', 'get'>;

/** A post of an office with its holders. */
export type OfficePost = UnitDetails['offices'][number]['posts'][number];

/** A post of the catalogue. */
export type CataloguePost = Answer<'/api/admin/org/post-catalogue', 'get'>['items'][number];

export const ROLES: readonly SessionUser['role'][] = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin', 'auditor'];
