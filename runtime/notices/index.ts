export { maskNoticeName } from './mask-name.ts';
export { noticeProjection, districtOfPath } from './notice-projection.ts';
export { currentNotices, currentNotice, type PublicNotice } from './public-notices.ts';
export { objectToNotice, objectionsOfCase, OBJECTIONS_PER_ADDRESS, type CaseObjection } from './objections.ts';
export { readObjection, objectionSchema, type ObjectionInput } from './objection-input.ts';
