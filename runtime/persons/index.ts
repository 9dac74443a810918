export { registerPerson, findPersons, getPerson, personInScope, personView, revealPerson, type RegisterPersonInput } from './person-service.ts';
export { editPerson, type PersonChanges } from './person-edit.ts';
export { personHistory } from './person-history.ts';
export { mergePersons } from './person-merge.ts';
export { fillMissingInitials, nameInitials } from './name-initials.ts';
export { requireCity } from './require-city.ts';
