export { encryptPlaintextRows } from './encrypt-existing.ts';
export { handlesCaseData, handlesPerson } from './person-access.ts';
export { maskAccount, normalIdNumber, openValue, sealAccount, sealIdNumber, sealMasked, sealPhone, type SealedIdNumber } from './personal-data.ts';
export { reencryptAll, type RotationReport } from './key-rotation.ts';
export { openCaseData, personalFields, sealCaseData } from './case-data.ts';
