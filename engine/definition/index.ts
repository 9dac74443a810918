export {
  definitionSchema,
  localizedTextSchema,
  type Definition,
  type DefinitionInput,
  type StateDefinition,
  type TransitionDefinition,
  type RuleDefinition,
  type ActionDefinition,
  type FormDefinition,
  type FactSource,
  type TimerDefinition,
  type MaterialDefinition,
  type PublicNoticeDefinition,
} from './definition-schema.ts';
export { parseDefinition } from './parse-definition.ts';
export { definitionHash } from './definition-hash.ts';
