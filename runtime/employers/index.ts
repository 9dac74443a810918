export { registerEmployer, findEmployers, type RegisterEmployerInput } from './employer-service.ts';
