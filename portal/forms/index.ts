// The public site's one way with a process's form: its fields from the JSON Schema, drawn on the
// server; a posted form read back into the data the same schema validates; a refusal as messages
// beside the fields and above the form.
export { fieldId, formFields, leafFields, titleOf, type FieldKind, type FieldOption, type FormField, type PublicForm, type SchemaNode } from './form-fields.ts';
export { formValues, readForm, type FormValues, type PostedBody } from './form-reading.ts';
export { fieldProblems, noProblems, problemsOf, type FormProblems } from './form-problems.ts';
export { fieldLabel, SchemaFields } from './schema-fields.tsx';
export { ProblemSummary, SchemaValues } from './form-summary.tsx';
export { formTexts } from './form-texts.ts';
