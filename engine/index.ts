/** The engine's public surface: pure functions over process definitions. No I/O. */
export * from './errors/index.ts';
export * from './definition/index.ts';
export * from './conditions/index.ts';
export * from './calendar/index.ts';
export * from './compile/index.ts';
export * from './actions/index.ts';
export * from './step/index.ts';
export * from './verify/index.ts';
export * from './plugin/index.ts';
export * from './overlay/index.ts';
export * from './replay/index.ts';
