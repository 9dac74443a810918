export { codeTables, codeEntries, codeName, type CodeTable, type CodeEntry } from './code-tables.ts';
