export { configureAjv, createAjv, toFieldErrors, type FieldError } from './create-ajv.ts';
export { fieldMessage, type FieldText } from './field-messages.ts';
