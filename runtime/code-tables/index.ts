export { codeTables, codeEntries, codeEntry, codeName, type CodeTable, type CodeEntry } from './code-tables.ts';
export { DIVISION_TABLE, codeExists, codeTableIds } from './code-lookup.ts';
