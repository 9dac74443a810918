export { maskNoticeName } from './mask-name.ts';
export { noticeProjection, districtOfPath } from './notice-projection.ts';
export { currentNotices, currentNotice, type PublicNotice } from './public-notices.ts';
export { objectToNotice, sendObjection, objectionsOfCase, OBJECTIONS_PER_ADDRESS, type CaseObjection, type ObjectionOutcome } from './objections.ts';
export type { FieldError as ObjectionFieldError } from '../../forms/index.ts';
export { readObjection, objectionSchema, type ObjectionInput } from './objection-input.ts';
export { caseObjections } from './case-objections.ts';
