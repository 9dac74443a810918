import { createApiApp } from '../../runtime/http/app.ts';
import type { Backend } from '../../runtime/db/index.ts';
import { installPlugins } from '../../runtime/plugins/index.ts';
import { MINISTRY_ID } from '../../runtime/seed/index.ts';
import { testConfig, testContext } from './seeded-databases.ts';
import { getCase } from './steps.ts';
import type { TestRuntime } from './test-runtime.ts';

type Json = Record<string, any>;

/**
 * The platform restarted on `t`'s database with the shipped packages, as after an upgrade: the
 * packages it published anew, and its API as the staff user of `token` (`send` a request, `step` a
 * case at its current version).
 */
export async function restartedWithShippedPackages(t: TestRuntime, backend: Backend, token: string) {
  const upgraded = testContext(t.rt.db, backend, testConfig(), t.clock.now);
  const installed = await installPlugins(upgraded.db, upgraded.registry, MINISTRY_ID);
  const app = createApiApp(upgraded);
  const send = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }, { incoming: { socket: { remoteAddress: '127.0.0.1' } } });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const step = async (caseId: string, type: string, data: Json) => send('POST', `/api/cases/${caseId}/events`, { type, data, version: (await getCase(t, token, caseId)).version });
  return { installed, send, step };
}
