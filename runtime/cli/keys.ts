import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readConfig, StartupRefusal } from '../config.ts';
import { defaultKeyFile, freshKeyRing, readKeyFile, writeKeyFile } from '../crypto/index.ts';
import { reencryptAll } from '../privacy/index.ts';
import { openRuntime } from '../startup.ts';

const usage = `npm run keys -- create FILE     a new key file (mode 600) for PII_KEY_FILE
npm run keys -- rotate          a new primary key in the key file (the old ones stay, to read older values);
                                then restart the servers and run reencrypt
npm run keys -- reencrypt [--new-index]
                                every stored personal value under the primary key; --new-index also
                                replaces the blind-index key and recomputes every index (servers stopped:
                                they look values up by the index key they started with)`;

/** The key file in use: PII_KEY_FILE, or the demo installation's. */
function keyFile(): string {
  const config = readConfig();
  const file = config.piiKeyFile ?? defaultKeyFile(config);
  if (!existsSync(file)) throw new StartupRefusal(`没有密钥文件 no key file at ${file}`);
  return file;
}

async function main(): Promise<void> {
  const [command, argument] = process.argv.slice(2);
  if (command === 'create') {
    if (!argument) throw new StartupRefusal(usage);
    if (existsSync(argument)) throw new StartupRefusal(`文件已存在 ${argument} exists: a key file is never overwritten`);
    writeKeyFile(argument, freshKeyRing());
    console.log(`已生成密钥文件 key file written: ${argument} (mode 600). Keep a copy apart from the database backups.`);
    return;
  }
  if (command === 'rotate') {
    const file = keyFile();
    const ring = readKeyFile(file);
    const next = `k${Math.max(0, ...Object.keys(ring.keys).map((id) => Number(id.replace(/\D/g, '')) || 0)) + 1}`;
    writeKeyFile(file, { ...ring, primary: next, keys: { ...ring.keys, [next]: randomBytes(32).toString('hex') } });
    console.log(`新主密钥 primary key is now ${next} in ${file}; restart every server, then: npm run keys -- reencrypt`);
    return;
  }
  if (command === 'reencrypt') {
    const file = keyFile();
    const newIndex = process.argv.includes('--new-index');
    if (newIndex) writeKeyFile(file, { ...readKeyFile(file), index: randomBytes(32).toString('hex') });
    const { rt, handle } = await openRuntime(readConfig(), () => undefined);
    try {
      const report = await reencryptAll(rt.db, rt.cipher, { reindex: newIndex });
      console.log(`已用主密钥 ${rt.cipher.ring.primary} 重新加密 re-encrypted under ${rt.cipher.ring.primary}: ${JSON.stringify(report)}`);
    } finally {
      await handle.close();
    }
    return;
  }
  throw new StartupRefusal(usage);
}

main().catch((error: unknown) => {
  console.error(error instanceof StartupRefusal ? error.message : error);
  process.exit(1);
});
