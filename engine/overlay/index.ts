export { overlaySchema, overlayOperationSchema, parameterValueSchema, type Overlay, type OverlayInput, type OverlayOperation, type ParameterValue } from './overlay-schema.ts';
export { applyOverlay } from './apply-overlay.ts';
export { checkOverlay, lockProblems, parameterProblems, type EffectiveLock, type OverlayProblem } from './check-overlay.ts';
export { diffDefinitions, type DefinitionChange } from './diff.ts';
