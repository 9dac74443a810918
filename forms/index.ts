export * from './identifiers/index.ts';
export * from './ajv/index.ts';
