import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** The key ring: the key new values are encrypted with, every key still needed to read older ones, and the blind-index key. */
export interface KeyRing {
  /** Id of the key that encrypts new values. */
  primary: string;
  /** 32-byte master keys by id, hex: each gives an SM4 key and an HMAC-SM3 key. */
  keys: Record<string, string>;
  /** 32-byte master key of the blind index, hex: the same value always gives the same index, so look-ups and unique keys work. */
  index: string;
}

const PREFIX = 'sm4ctr';
const VERSION = 'v1';
/** What encrypted bytes (a file) start with: the scheme and its version. */
const BYTES_MAGIC = Buffer.from('pesb1', 'ascii');

interface DerivedKey {
  encryption: Buffer;
  mac: Buffer;
}

function derive(master: string): DerivedKey {
  const ikm = Buffer.from(master, 'hex');
  if (ikm.length !== 32) throw new RangeError('a master key is 32 bytes of hex');
  const okm = Buffer.from(hkdfSync('sm3', ikm, Buffer.alloc(0), 'pes field cipher v1', 48));
  return { encryption: okm.subarray(0, 16), mac: okm.subarray(16) };
}

const b64 = (buffer: Buffer) => buffer.toString('base64url');

/**
 * Encryption of personal data at rest (ID numbers, phone numbers, bank accounts, second-factor
 * secrets): SM4 in counter mode with a random IV, authenticated by an HMAC-SM3 tag over the
 * whole stored string (encrypt-then-MAC; Node's OpenSSL has no SM4-GCM). A stored value names the
 * key that encrypted it, so keys can be rotated. A blind index (HMAC-SM3 under its own key) lets
 * the database find and keep unique what it cannot read.
 */
export class FieldCipher {
  private readonly keys = new Map<string, DerivedKey>();
  private readonly indexKey: Buffer;

  constructor(readonly ring: KeyRing) {
    for (const [id, master] of Object.entries(ring.keys)) {
      if (!/^[a-z0-9-]{1,16}$/.test(id)) throw new RangeError(`key id ${id}: lower-case letters, digits and dashes`);
      this.keys.set(id, derive(master));
    }
    if (!this.keys.has(ring.primary)) throw new RangeError(`the primary key ${ring.primary} is not in the ring`);
    this.indexKey = Buffer.from(ring.index, 'hex');
    if (this.indexKey.length !== 32) throw new RangeError('the index key is 32 bytes of hex');
  }

  /** Whether a stored value is ciphertext of this scheme (rows written before encryption are not). */
  static isEncrypted(stored: string): boolean {
    return stored.startsWith(`${PREFIX}:`);
  }

  /** The id of the key a stored value was encrypted with. */
  static keyOf(stored: string): string | undefined {
    return FieldCipher.isEncrypted(stored) ? stored.split(':')[2] : undefined;
  }

  private tag(key: DerivedKey, body: string): Buffer {
    return createHmac('sm3', key.mac).update(body).digest();
  }

  /** Encrypts with the primary key: `sm4ctr:v1:<key>:<iv>:<ciphertext>:<tag>`. */
  encrypt(plain: string): string {
    const key = this.keys.get(this.ring.primary)!;
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', key.encryption, iv);
    const body = [PREFIX, VERSION, this.ring.primary, b64(iv), b64(Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]))].join(':');
    return `${body}:${b64(this.tag(key, body))}`;
  }

  /** Decrypts a stored value after checking its tag; throws on a value altered, or of a key not in the ring. */
  decrypt(stored: string): string {
    const parts = stored.split(':');
    if (parts.length !== 6 || parts[0] !== PREFIX || parts[1] !== VERSION) throw new Error('not a value of this cipher');
    const [, , keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`key ${keyId} is not in the ring`);
    const expected = this.tag(key, parts.slice(0, 5).join(':'));
    const given = Buffer.from(tag, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('the value was altered');
    const decipher = createDecipheriv('sm4-ctr', key.encryption, Buffer.from(iv, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  }

  /**
   * Encrypts a file's bytes with the primary key, as the fields are (SM4-CTR, then an HMAC-SM3 tag
   * over all before it): `pesb1`, the key id's length and the key id, the IV, the ciphertext, the tag.
   */
  encryptBytes(plain: Uint8Array): Buffer {
    const key = this.keys.get(this.ring.primary)!;
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', key.encryption, iv);
    const keyId = Buffer.from(this.ring.primary, 'ascii');
    const body = Buffer.concat([BYTES_MAGIC, Buffer.of(keyId.length), keyId, iv, cipher.update(plain), cipher.final()]);
    return Buffer.concat([body, createHmac('sm3', key.mac).update(body).digest()]);
  }

  /** What bytes encrypted under key `keyId` start with: how a rotation finds those under an older key. */
  static bytesPrefix(keyId: string): Buffer {
    const id = Buffer.from(keyId, 'ascii');
    return Buffer.concat([BYTES_MAGIC, Buffer.of(id.length), id]);
  }

  /** Decrypts what `encryptBytes` stored after checking its tag; throws on bytes altered, or of a key not in the ring. */
  decryptBytes(stored: Uint8Array): Buffer {
    const bytes = Buffer.from(stored);
    if (bytes.length < BYTES_MAGIC.length + 1 + 16 + 32 || !bytes.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC)) throw new Error('not bytes of this cipher');
    const keyLength = bytes[BYTES_MAGIC.length]!;
    const keyStart = BYTES_MAGIC.length + 1;
    const keyId = bytes.subarray(keyStart, keyStart + keyLength).toString('ascii');
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`key ${keyId} is not in the ring`);
    const body = bytes.subarray(0, bytes.length - 32);
    const expected = createHmac('sm3', key.mac).update(body).digest();
    if (!timingSafeEqual(bytes.subarray(bytes.length - 32), expected)) throw new Error('the bytes were altered');
    const ivStart = keyStart + keyLength;
    const decipher = createDecipheriv('sm4-ctr', key.encryption, bytes.subarray(ivStart, ivStart + 16));
    return Buffer.concat([decipher.update(body.subarray(ivStart + 16)), decipher.final()]);
  }

  /** The blind index of a value: the same for the same value under the same index key, revealing nothing else. */
  index(plain: string): string {
    return createHmac('sm3', this.indexKey).update(plain).digest('hex');
  }
}

/** A new key ring with one fresh key, for a demo installation or a test. */
export function freshKeyRing(id = 'k1'): KeyRing {
  return { primary: id, keys: { [id]: randomBytes(32).toString('hex') }, index: randomBytes(32).toString('hex') };
}
