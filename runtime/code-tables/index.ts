export { codeTables, codeEntries, codeEntry, codeName, type CodeTable, type CodeEntry } from './code-tables.ts';
