/** The ministry at the root of the org tree, coded as the nation (GB/T 2260 `000000`). */
export const MINISTRY_ID = '000000';
