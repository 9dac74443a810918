export { registerPerson, findPersons, getPerson, personInScope, personView, revealPerson, updatePerson, type RegisterPersonInput } from './person-service.ts';
export { fillMissingInitials, nameInitials } from './name-initials.ts';
export { requireCity } from './require-city.ts';
