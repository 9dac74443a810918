export { neutralise, toCsv, toXlsx, XLSX_TYPE, type Cell } from './spreadsheet.ts';
