import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../engine/index.ts';
import { retryLostRace } from '../../runtime/db/index.ts';
import { handleError } from '../../runtime/http/error-handler.ts';
import { captureLog } from '../../runtime/log/index.ts';

/** A driver's error of a statement the database refused, as drizzle wraps it. */
const refusedBy = (code: string) => new Error('Failed query: insert into persons … params: 350203198001010117', { cause: Object.assign(new Error('refused'), { code }) });

describe('the one error handler', () => {
  const app = new Hono()
    .get('/bug', () => {
      throw new Error('connection string postgres://secret@db');
    })
    .get('/conflict', () => {
      throw new PlatformError('CASE_VERSION_CONFLICT', { details: { version: 3 } });
    })
    .get('/sql/:code', (c) => {
      throw refusedBy(c.req.param('code'));
    })
    .onError(handleError);

  it('answers an unexpected error with 500 INTERNAL_ERROR and reveals nothing of it, in the answer or the log', async () => {
    const lines: string[] = [];
    const release = captureLog((line) => lines.push(line));
    try {
      const response = await app.request('/bug');
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ code: 'INTERNAL_ERROR', message: { zh: '系统内部错误', en: 'Internal error' }, details: null });
      expect(text).not.toContain('secret');
    } finally {
      release();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('secret');
  });

  it('answers a race lost outside a retry as 409 CONCURRENT_UPDATE, a unique key taken as 409 DUPLICATE_RECORD', async () => {
    for (const [code, expected] of [['40P01', 'CONCURRENT_UPDATE'], ['40001', 'CONCURRENT_UPDATE'], ['23505', 'DUPLICATE_RECORD']] as const) {
      const response = await app.request(`/sql/${code}`);
      expect([code, response.status, (await response.json()).code]).toEqual([code, 409, expected]);
    }
  });

  it('runs a transaction that lost a race once more; a second loss is CONCURRENT_UPDATE; a refusal of the platform is not run again', async () => {
    let runs = 0;
    expect(await retryLostRace(async () => (++runs === 1 ? Promise.reject(refusedBy('40P01')) : 'stepped'))).toBe('stepped');
    expect(runs).toBe(2);
    runs = 0;
    await expect(retryLostRace(async () => (++runs, Promise.reject(refusedBy('40001'))))).rejects.toMatchObject({ code: 'CONCURRENT_UPDATE' });
    expect(runs).toBe(2);
    runs = 0;
    await expect(retryLostRace(async () => (++runs, Promise.reject(new PlatformError('NOTHING_TO_PAY'))))).rejects.toMatchObject({ code: 'NOTHING_TO_PAY' });
    expect(runs).toBe(1);
  });

  it('maps a platform error to its status with its details', async () => {
    const response = await app.request('/conflict');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'CASE_VERSION_CONFLICT', details: { version: 3 } });
  });
});
