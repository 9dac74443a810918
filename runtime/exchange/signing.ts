import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';

/** The signature algorithms an envelope may name. SM2 (GM/T 0003) would be a second entry, with its own key pair and signing here. */
export const ALGORITHMS = ['Ed25519'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** A new key pair: the public key as SPKI DER, the private key as PKCS #8 DER, both base64. */
export function generateKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

/** Signs bytes with a private key (PKCS #8 DER, base64): the signature in base64url. */
export function signBytes(privateKey: string, bytes: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return sign(null, Buffer.from(bytes, 'utf8'), key).toString('base64url');
}

/** Whether a signature (base64url) over bytes holds under a public key (SPKI DER, base64); false for anything malformed. */
export function verifyBytes(publicKey: string, bytes: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(bytes, 'utf8'), key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
