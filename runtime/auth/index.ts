export { hashPassword, verifyPassword } from './password.ts';
export { login, logout, authenticate } from './sessions.ts';
export { requireAuth, type AuthVariables } from './require-auth.ts';
export { actorOf, type SessionUser } from './session-user.ts';
export { inSubtree, inVisibleCities } from './scope.ts';
