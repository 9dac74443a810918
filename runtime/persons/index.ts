export { registerPerson, findPersons, getPerson, personInScope, personView, revealPerson, updatePerson, type RegisterPersonInput } from './person-service.ts';
export { fillMissingInitials } from './name-initials.ts';
export { requireCity } from './require-city.ts';
