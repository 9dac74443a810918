export { hashPassword, verifyPassword } from './password.ts';
export { login, logout, authenticate } from './sessions.ts';
export { requireAuth, type AuthVariables } from './require-auth.ts';
export { actorOf, type SessionUser } from './session-user.ts';
export { inSubtree, inVisibleCities } from './scope.ts';
export { holds, permissions, permissionsOf, ROLES, type Level, type Permission, type PermissionRule, type Role } from './permissions.ts';
export { permit } from './permit.ts';
