export { chinaToday, configureAjv, createAjv, toFieldErrors, type CodeLookup, type FieldError, type FormContext } from './create-ajv.ts';
export { fieldMessage, type FieldText } from './field-messages.ts';
