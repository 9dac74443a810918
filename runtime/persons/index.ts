export { registerPerson, findPersons, getPerson, personInScope, personView, revealPerson, updatePerson, type PaymentAccountType, type RegisterPersonInput, type UpdatePersonInput } from './person-service.ts';
export { fillMissingInitials } from './name-initials.ts';
export { requireCity } from './require-city.ts';
