import { afterEach, describe, expect, it, vi } from 'vitest';

// The workbench's API module reads the browser's storage and raises window events: a stored token and a
// window that records what it is told stand in for them (this suite runs in Node).
const stored = new Map<string, string>();
const raised: string[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  stored.clear();
  raised.length = 0;
});

/** `download` of the workbench with `fetch` answering `status` and `body` as JSON. */
async function downloadAnswered(status: number, body: unknown): Promise<unknown> {
  vi.stubGlobal('localStorage', { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value), removeItem: (key: string) => stored.delete(key) });
  vi.stubGlobal('window', { dispatchEvent: (event: Event) => raised.push(event.type) });
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  const { download } = await import('../../admin-ui/src/api.ts');
  return download('/cases/export?format=csv', 'cases.csv').then(
    () => null,
    (error: unknown) => error,
  );
}

describe("the workbench's downloads refused", () => {
  it("reads a proxy's JSON that is not the platform's error body as the server unreachable, with a message to show", async () => {
    const { ApiError, errorText } = await import('../../admin-ui/src/api.ts');
    const error = await downloadAnswered(502, { error: 'upstream timed out' });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as InstanceType<typeof ApiError>).status).toBe(502);
    expect((error as InstanceType<typeof ApiError>).code).toBe('SERVER_UNREACHABLE');
    expect(errorText(error, 'zh-CN')).toBe('无法连接服务器，请检查网络后重试');
  });

  it('ends the session when the platform no longer knows the token the download carried', async () => {
    stored.set('pes.token', 'token-1');
    const { SESSION_EXPIRED } = await import('../../admin-ui/src/api.ts');
    const error = await downloadAnswered(401, { code: 'AUTH_REQUIRED', message: { zh: '请先登录', en: 'Sign in first' }, details: null });
    expect((error as { code: string }).code).toBe('AUTH_REQUIRED');
    expect(stored.has('pes.token')).toBe(false);
    expect(raised).toEqual([SESSION_EXPIRED]);
  });
});
