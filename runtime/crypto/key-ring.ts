import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { StartupRefusal, type RuntimeConfig } from '../config.ts';
import { freshKeyRing, type KeyRing } from './field-cipher.ts';

const hex32 = z.string().regex(/^[0-9a-f]{64}$/i, '32 bytes of hex');
const keyRingSchema = z.object({ primary: z.string().min(1), keys: z.record(z.string(), hex32), index: hex32 }).strict();

/** Where a demo installation keeps its key file when none is set: beside its data. */
export function defaultKeyFile(config: RuntimeConfig): string {
  return join(dirname(config.dataDir), 'pii-keys.json');
}

/** Reads a key file, refusing one that others than its owner may read, or one that is not a key ring. */
export function readKeyFile(file: string): KeyRing {
  if ((statSync(file).mode & 0o077) !== 0) throw new StartupRefusal(`密钥文件权限过宽 the key file ${file} must be readable by its owner only (chmod 600)`);
  const parsed = keyRingSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new StartupRefusal(`密钥文件格式有误 the key file ${file} is not a key ring: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Writes a key file readable by its owner only. */
export function writeKeyFile(file: string, ring: KeyRing): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/**
 * The key ring of the personal-data cipher and the file it lives in: `PII_KEY_FILE` when set. A
 * demo installation without one gets a fresh key file beside its data; production refuses to
 * start without one, since data encrypted under a key nobody keeps could never be read again.
 */
export function loadKeyRing(config: RuntimeConfig): { ring: KeyRing; file: string } {
  if (config.piiKeyFile) {
    if (!existsSync(config.piiKeyFile)) throw new StartupRefusal(`密钥文件不存在 PII_KEY_FILE ${config.piiKeyFile} does not exist (npm run keys:create -- FILE)`);
    return { ring: readKeyFile(config.piiKeyFile), file: config.piiKeyFile };
  }
  if (config.mode === 'production') throw new StartupRefusal('生产模式须设置个人信息加密密钥文件 production needs PII_KEY_FILE (npm run keys:create -- FILE)');
  const file = defaultKeyFile(config);
  if (!existsSync(file)) writeKeyFile(file, freshKeyRing());
  return { ring: readKeyFile(file), file };
}
