export { encryptPlaintextRows } from './encrypt-existing.ts';
export { handlesPerson } from './person-access.ts';
export { normalIdNumber, openValue, sealIdNumber, sealPhone, type SealedIdNumber } from './personal-data.ts';
export { reencryptAll, type RotationReport } from './key-rotation.ts';
