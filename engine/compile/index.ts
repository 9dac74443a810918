export { compile, ruleInput, type CompiledDefinition, type MachineEvent, type MachineInput } from './compile.ts';
