export { configureAjv, createAjv, toFieldErrors, type FieldError } from './create-ajv.ts';
