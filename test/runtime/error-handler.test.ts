import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PlatformError } from '../../engine/index.ts';
import { handleError } from '../../runtime/http/error-handler.ts';

describe('the one error handler', () => {
  const app = new Hono()
    .get('/bug', () => {
      throw new Error('connection string postgres://secret@db');
    })
    .get('/conflict', () => {
      throw new PlatformError('CASE_VERSION_CONFLICT', { details: { version: 3 } });
    })
    .onError(handleError);

  it('answers an unexpected error with 500 INTERNAL_ERROR and reveals nothing of it', async () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      const response = await app.request('/bug');
      const text = await response.text();
      expect(response.status).toBe(500);
      expect(JSON.parse(text)).toEqual({ code: 'INTERNAL_ERROR', message: { zh: '系统内部错误', en: 'Internal error' }, details: null });
      expect(text).not.toContain('secret');
    } finally {
      console.error = original;
    }
  });

  it('maps a platform error to its status with its details', async () => {
    const response = await app.request('/conflict');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'CASE_VERSION_CONFLICT', details: { version: 3 } });
  });
});
