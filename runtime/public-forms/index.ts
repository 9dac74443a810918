// What the public site's forms read of the engine, the shared forms and the code tables, in one
// place: the portal imports the runtime only (the architecture test holds it to that), so the
// runtime hands on these shapes here rather than from each feature's index.
export type { FormDefinition, LocalizedText, MaterialDefinition } from '../../engine/index.ts';
export type { FieldError, FieldText } from '../../forms/index.ts';
export { codeEntries } from '../code-tables/index.ts';
export { divisionTree } from '../divisions/index.ts';
export { noneIfNotFound, publicRefusalOf, type PublicRefusal } from './public-refusal.ts';
