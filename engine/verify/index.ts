export { verify } from './verify.ts';
export { finding, type Finding, type FindingCode } from './findings.ts';
