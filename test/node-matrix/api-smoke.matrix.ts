import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../support/live-clients.ts';
import { killLeftovers, PROCESS_TEST_TIMEOUT, READY_LINE, spawnServer, stubUiBuild, type SpawnedServer } from '../support/spawned-server.ts';

// Issue 19, item 6: the real server started by the Node this file runs on (the machine's, or 22 or 24
// from the npm `node` package, see test/node-matrix/run.sh), on a new embedded PGlite with the demo data,
// and the API a client uses first. The whole suite runs on the machine's Node; this proves the others.

/** The Node major the matrix asked for (`NODE_MATRIX_EXPECT`): a run that fell back to another Node fails. */
const expectedMajor = process.env['NODE_MATRIX_EXPECT'];

describe(`the server on Node ${process.version}`, () => {
  let work = '';
  let server: SpawnedServer;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'pes-node-matrix-'));
    // `spawnServer` starts `process.execPath`: the Node under test, not the machine's.
    server = await spawnServer({ dataDir: join(work, 'pglite'), uiDir: stubUiBuild(join(work, 'ui')) });
    await server.waitFor(READY_LINE);
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
    await killLeftovers();
    rmSync(work, { recursive: true, force: true });
  });

  it('runs on the Node the matrix asked for', () => {
    if (expectedMajor) expect(process.versions.node.split('.')[0]).toBe(expectedMajor);
  });

  it('signs a demo caseworker in, lists the demo cases, opens one and steps it; a stale version changes nothing', async () => {
    expect((await call(server.baseUrl, 'GET', '/api/cases')).status).toBe(401);
    const token = await signIn(server.baseUrl, 'caseworker');

    const list = await call(server.baseUrl, 'GET', '/api/cases?status=active&processId=employment-difficulty', token);
    expect(list.status).toBe(200);
    const publicized = (list.body.items as { id: string; state: string; version: number }[]).find((c) => c.state === 'publicized');
    expect(publicized, JSON.stringify(list.body)).toBeDefined();

    const opened = await call(server.baseUrl, 'GET', `/api/cases/${publicized!.id}`, token);
    expect(opened.status).toBe(200);
    expect((opened.body.actions as { event: string }[]).map((a) => a.event)).toContain('objection');

    const stale = await call(server.baseUrl, 'POST', `/api/cases/${publicized!.id}/events`, token, { type: 'objection', data: { objection: '公示期内有异议 smoke' }, version: publicized!.version - 1 });
    expect(stale.status).toBe(409);
    expect((await call(server.baseUrl, 'GET', `/api/cases/${publicized!.id}`, token)).body.version).toBe(publicized!.version);

    const stepped = await call(server.baseUrl, 'POST', `/api/cases/${publicized!.id}/events`, token, { type: 'objection', data: { objection: '公示期内有异议 smoke' }, version: publicized!.version });
    expect(stepped.status, JSON.stringify(stepped.body)).toBe(200);
    expect([stepped.body.state, stepped.body.version]).toEqual(['applied', publicized!.version + 1]);
    const history = await call(server.baseUrl, 'GET', `/api/cases/${publicized!.id}/history`, token);
    expect(history.status).toBe(200);
    expect(history.body.items.at(-1)).toMatchObject({ seq: publicized!.version + 1, event: 'objection', to: 'applied' });
  });

  it('serves its OpenAPI document and the public site', async () => {
    const document = await call(server.baseUrl, 'GET', '/api/openapi.json');
    expect(document.status).toBe(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toContain('/api/cases/{id}/events');

    const home = await fetch(`${server.baseUrl}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await home.text()).toContain('<html');
  });
});
