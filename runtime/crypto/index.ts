export { FieldCipher, freshKeyRing, type KeyRing } from './field-cipher.ts';
export { defaultKeyFile, loadKeyRing, readKeyFile, writeKeyFile } from './key-ring.ts';
