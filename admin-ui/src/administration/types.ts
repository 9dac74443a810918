import type { SessionUser } from '../api.ts';

/** A post held, with its office (`GET /api/admin/users`). */
export interface HeldPost {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  orgUnitId: string;
  orgUnitName: string;
}

/** An account as its administrator sees it. */
export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  role: SessionUser['role'];
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  orgUnit: { id: string; name: string; kind: string };
  posts: HeldPost[];
  createdAt: string;
}

/** A user and the temporary password, shown once. */
export interface UserWithPassword {
  user: AdminUser;
  temporaryPassword: string;
}

/** One node of the org tree, loaded as it is expanded. */
export interface OrgNode {
  id: string;
  name: string;
  kind: string;
  hasChildren: boolean;
}

/** A post of an office with its holders (`GET /api/admin/org/units/{unitId}`). */
export interface OfficePost {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  holders: { id: string; username: string; displayName: string; active: boolean }[];
}

/** A unit with its ancestors and its offices. */
export interface UnitDetails {
  unit: { id: string; name: string; kind: string; cityCode: string | null; standardPosts: boolean };
  ancestors: { id: string; name: string; kind: string }[];
  offices: { id: string; name: string; posts: OfficePost[] }[];
}

/** A post of the catalogue. */
export interface CataloguePost {
  code: string;
  name: { 'zh-CN': string; en: string };
}

export const ROLES: readonly SessionUser['role'][] = ['caseworker', 'reviewer', 'configurator', 'evaluator', 'admin', 'auditor'];
