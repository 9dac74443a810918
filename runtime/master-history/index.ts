export { changedFields, recordChanges, type ChangeSubject, type FieldChange } from './record-changes.ts';
export { readHistory, type HistoryEntry } from './read-history.ts';
