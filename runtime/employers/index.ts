export { registerEmployer, findEmployers, type RegisterEmployerInput } from './employer-service.ts';
export { editEmployer, employerHistory, getEmployer, type EmployerChanges, type EmployerSize } from './employer-edit.ts';
