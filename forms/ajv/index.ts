export { createAjv, toFieldErrors, type FieldError } from './create-ajv.ts';
