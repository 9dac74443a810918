export { registerInstitution, updateInstitution, changeInstitutionStatus } from './institution-service.ts';
export { findInstitutions, getInstitution, type InstitutionQuery } from './institution-queries.ts';
export { SCOPE_TABLE, type InstitutionInput, type InstitutionChanges } from './institution-input.ts';
