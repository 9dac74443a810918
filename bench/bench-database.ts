import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import type { PluginManifest } from '../engine/index.ts';
import { citizenIdCheckCharacter } from '../forms/index.ts';
import { permissionsOf, type SessionUser } from '../runtime/auth/index.ts';
import { readConfig } from '../runtime/config.ts';
import { FieldCipher, freshKeyRing } from '../runtime/crypto/index.ts';
import { openPglite, openScratchPostgres, type Backend, type DatabaseHandle } from '../runtime/db/index.ts';
import { persons, users } from '../runtime/db/schema/index.ts';
import { nameInitials } from '../runtime/persons/name-initials.ts';
import { installPlugins, loadPlugins } from '../runtime/plugins/index.ts';
import { insertOrgTree, MINISTRY_ID } from '../runtime/seed/index.ts';
import { createRuntimeContext } from '../runtime/startup.ts';

const dataRoot = new URL('./.data/', import.meta.url).pathname;

/** A fresh database for one benchmark run: PGlite on disk (as `npm start` uses it) or a new PostgreSQL database, whose statements `onStatement` sees. */
export async function openBenchDatabase(backend: Backend, postgresUrl: string | undefined, onStatement?: (statement: string) => void): Promise<DatabaseHandle> {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  if (backend === 'pglite') {
    const dir = `${dataRoot}${name}`;
    mkdirSync(dir, { recursive: true });
    const handle = await openPglite(dir);
    return { ...handle, close: async () => (await handle.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  return openScratchPostgres(postgresUrl!, 'bench', { max: 10, ...(onStatement ? { onStatement } : {}) });
}

/** A migrated runtime with one office, one caseworker, `people` persons and the given plugins installed. */
export async function prepareRuntime(handle: DatabaseHandle, pluginList: readonly PluginManifest[], people: number) {
  await handle.migrate();
  const rt = createRuntimeContext({ db: handle.db, backend: handle.backend, registry: loadPlugins(pluginList), config: readConfig({}), cipher: new FieldCipher(freshKeyRing()), clock: () => new Date() });
  await insertOrgTree(rt.db, [
    { id: MINISTRY_ID, parentId: null, kind: 'ministry', name: '人力资源和社会保障部', path: `/${MINISTRY_ID}/`, cityCode: null },
    { id: '350000', parentId: MINISTRY_ID, kind: 'province', name: '福建省', path: `/${MINISTRY_ID}/350000/`, cityCode: null },
    { id: '350200', parentId: '350000', kind: 'city', name: '厦门市', path: `/${MINISTRY_ID}/350000/350200/`, cityCode: '350200' },
    { id: '350200-01', parentId: '350200', kind: 'office', name: '厦门市公共就业服务中心', path: `/${MINISTRY_ID}/350000/350200/350200-01/`, cityCode: '350200', standardPosts: true },
  ]);
  await installPlugins(rt.db, rt.registry, MINISTRY_ID);
  const userId = randomUUID();
  await rt.db.insert(users).values({ id: userId, username: 'bench', passwordHash: 'x', displayName: '基准', role: 'caseworker', orgUnitId: '350200-01' });
  const user: SessionUser = {
    id: userId,
    username: 'bench',
    displayName: '基准',
    role: 'caseworker',
    orgUnit: { id: '350200-01', name: '厦门市公共就业服务中心', kind: 'office', path: `/${MINISTRY_ID}/350000/350200/350200-01/`, cityCode: '350200' },
    jurisdictionPath: `/${MINISTRY_ID}/350000/350200/`,
    posts: [],
    permissions: permissionsOf('caseworker', 'office'),
    restriction: null,
  };
  const personIds: string[] = [];
  for (let i = 0; i < people; i += 500) {
    const rows = Array.from({ length: Math.min(500, people - i) }, (_, j) => {
      const first17 = `35020319900101${String(i + j).padStart(3, '0').slice(-3)}`.slice(0, 17);
      const id = randomUUID();
      personIds.push(id);
      const name = `人员${i + j}`;
      return { cityCode: '350200', id, idNumber: `${first17}${citizenIdCheckCharacter(first17)}-${i + j}`, name, nameInitials: nameInitials(name), gender: 'male' as const, birthDate: '1990-01-01', orgUnitId: '350200-01', createdBy: userId };
    });
    await rt.db.insert(persons).values(rows);
  }
  return { rt, user, personIds };
}
