export { verify } from './verify.ts';
export { finding, type Finding, type FindingCode } from './findings.ts';
export { formValidator } from './form-validators.ts';
