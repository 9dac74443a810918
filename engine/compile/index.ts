export { compile, deadlineContext, ruleInput, type CompiledDefinition, type MachineEvent, type MachineInput } from './compile.ts';
