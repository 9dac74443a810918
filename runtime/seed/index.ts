export { seed, type Progress, type SeedReport } from './seed.ts';
export { MINISTRY_ID, officeId, orgTreeRows, insertOrgTree, standardPosts } from './org-tree.ts';
export { demoAccounts, demoProfiles, insertDemoUsers, reviewPosts, windowPosts, type DemoAccount } from './demo-users.ts';
export { seedDemoCases, type DemoCasesReport } from './demo-cases.ts';
export { refuseDemoAccounts } from './production-check.ts';
