import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PlatformError, errorKind, errorMessages, type ErrorCode, type ErrorKind } from '../../engine/index.ts';
import { retryLostRace } from '../../runtime/db/index.ts';
import { handleError } from '../../runtime/http/error-handler.ts';
import { captureLog } from '../../runtime/log/index.ts';

/** Every code's HTTP status (as each was before statuses followed kinds) and its kind: a change here is a change of the API. */
const statusAndKind: Record<ErrorCode, [number, ErrorKind]> = {
  BAD_REQUEST: [400, 'refusal'],
  PAYLOAD_TOO_LARGE: [413, 'refusal'],
  AUTH_REQUIRED: [401, 'refusal'],
  AUTH_INVALID_CREDENTIALS: [401, 'refusal'],
  AUTH_OTP_REQUIRED: [401, 'refusal'],
  AUTH_LOCKED: [429, 'refusal'],
  AUTH_THROTTLED: [429, 'refusal'],
  PASSWORD_CHANGE_REQUIRED: [403, 'refusal'],
  SECOND_FACTOR_REQUIRED: [403, 'refusal'],
  PASSWORD_POLICY: [422, 'refusal'],
  ROLE_NOT_PERMITTED: [403, 'refusal'],
  MAKER_CHECKER_VIOLATION: [403, 'refusal'],
  NOT_FOUND: [404, 'refusal'],
  PROCESS_NOT_FOUND: [404, 'refusal'],
  NO_JOB_SEEKING_REGISTRATION: [404, 'refusal'],
  CASE_VERSION_CONFLICT: [409, 'conflict'],
  DUPLICATE_RECORD: [409, 'refusal'],
  DOCUMENT_NOT_ISSUABLE: [422, 'refusal'],
  DOCUMENT_REVOKED: [409, 'refusal'],
  ATTACHMENT_TYPE_REFUSED: [415, 'refusal'],
  ATTACHMENT_TOO_LARGE: [413, 'refusal'],
  ATTACHMENT_WITHDRAWN: [409, 'refusal'],
  MATERIAL_NOT_DECLARED: [422, 'refusal'],
  MATERIALS_MISSING: [422, 'refusal'],
  CASE_CLOSED: [409, 'refusal'],
  CONCURRENT_UPDATE: [409, 'conflict'],
  TRANSITION_NOT_AVAILABLE: [409, 'refusal'],
  TASK_POST_REQUIRED: [403, 'refusal'],
  TASK_CLAIMED: [409, 'refusal'],
  APPLICATION_EXISTS: [409, 'refusal'],
  POSTING_NOT_OPEN: [409, 'refusal'],
  APPLICATION_DECIDED: [409, 'refusal'],
  APPLICATION_OTHER_CITY: [409, 'refusal'],
  TASK_NOT_CLAIMED: [409, 'refusal'],
  TASK_NOT_OPEN: [409, 'refusal'],
  TASK_SUPERVISOR_REQUIRED: [403, 'refusal'],
  TASK_ASSIGNEE_INVALID: [422, 'refusal'],
  FORM_INVALID: [422, 'refusal'],
  MIGRATION_STATE_MISSING: [422, 'refusal'],
  RULE_VIOLATION: [422, 'refusal'],
  NOTHING_TO_PAY: [422, 'refusal'],
  ID_NUMBER_INVALID: [422, 'refusal'],
  CREDIT_CODE_INVALID: [422, 'refusal'],
  ID_NAME_MISMATCH: [422, 'refusal'],
  VERIFICATION_CODE_INVALID: [422, 'refusal'],
  SMS_UNAVAILABLE: [503, 'fault'],
  EXCHANGE_SENDER_UNKNOWN: [403, 'refusal'],
  EXCHANGE_KEY_NOT_VALID: [403, 'refusal'],
  EXCHANGE_SIGNATURE_INVALID: [401, 'refusal'],
  EXCHANGE_PAYLOAD_HASH_MISMATCH: [422, 'refusal'],
  EXCHANGE_RECEIVER_NOT_HERE: [421, 'refusal'],
  EXCHANGE_MESSAGE_CONFLICT: [409, 'refusal'],
  EXCHANGE_REQUEST_EXPIRED: [401, 'refusal'],
  EXCHANGE_ACK_INVALID: [422, 'refusal'],
  EXCHANGE_MEMBER_UNKNOWN: [404, 'refusal'],
  EXCHANGE_PUBLIC_KEY_INVALID: [422, 'refusal'],
  EXCHANGE_MEMBER_SERVED_HERE: [409, 'refusal'],
  EXCHANGE_MEMBER_NOT_OURS: [409, 'refusal'],
  EXCHANGE_MEMBER_UNREACHABLE: [409, 'refusal'],
  EXCHANGE_MESSAGE_NOT_FOUND: [404, 'refusal'],
  EXCHANGE_MESSAGE_NOT_DEAD: [409, 'refusal'],
  BANK_RECONCILIATION_MISMATCH: [422, 'refusal'],
  NATIONAL_APPLICATION_INVALID: [422, 'refusal'],
  AGENCY_EVENT_INVALID: [422, 'refusal'],
  EXCHANGE_PEER_UNAVAILABLE: [503, 'fault'],
  EXCHANGE_QUERY_REFUSED: [502, 'fault'],
  EXCHANGE_RESPONSE_INVALID: [502, 'fault'],
  ACCOUNT_NOT_ACTIVE: [403, 'refusal'],
  CODE_UNKNOWN: [422, 'refusal'],
  RECORD_MERGED: [422, 'refusal'],
  MERGE_REFUSED: [422, 'refusal'],
  MERGE_DOUBLE_PAYMENT: [422, 'refusal'],
  DEFINITION_INVALID: [500, 'fault'],
  OVERLAY_INVALID: [422, 'refusal'],
  OVERLAY_LOCK_VIOLATION: [422, 'refusal'],
  OVERLAY_LOOSENING: [422, 'refusal'],
  OVERLAY_UNCHANGED: [422, 'refusal'],
  FINAL_STATE_REMOVED: [422, 'refusal'],
  CALENDAR_INVALID: [422, 'refusal'],
  PARAMETER_OUT_OF_BOUNDS: [422, 'refusal'],
  UNKNOWN_IMPLEMENTATION: [500, 'fault'],
  PLUGIN_DUPLICATE_ID: [500, 'fault'],
  PLUGIN_INVALID: [422, 'refusal'],
  ORG_UNIT_OUT_OF_REACH: [403, 'refusal'],
  SELF_ADMINISTRATION: [403, 'refusal'],
  LAST_ADMINISTRATOR: [409, 'refusal'],
  POST_OUT_OF_REACH: [422, 'refusal'],
  POST_IN_USE: [409, 'refusal'],
  IMPORT_FILE_INVALID: [422, 'refusal'],
  IMPORT_HEADER_INVALID: [422, 'refusal'],
  IMPORT_NOT_PENDING: [409, 'refusal'],
  NOTICE_CLOSED: [409, 'refusal'],
  NOTICE_OBJECTION_THROTTLED: [429, 'refusal'],
  INTERNAL_ERROR: [500, 'fault'],
};

/** The statuses each kind may be answered with. */
const statusClass: Record<ErrorKind, (status: number) => boolean> = {
  refusal: (status) => status >= 400 && status < 500,
  conflict: (status) => status === 409,
  fault: (status) => status >= 500,
};

/** Runs `requests` with the log captured: INTERNAL_ERROR is logged, and these tests throw it on purpose. */
async function quietly(requests: () => Promise<void>) {
  const release = captureLog(() => undefined);
  try {
    await requests();
  } finally {
    release();
  }
}

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
    .get('/code/:code', (c) => {
      throw new PlatformError(c.req.param('code') as ErrorCode);
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

  it('answers every code with its status of before, each code having a kind', async () => {
    expect(Object.keys(errorMessages).sort()).toEqual(Object.keys(statusAndKind).sort());
    await quietly(async () => {
      for (const [code, [status, kind]] of Object.entries(statusAndKind) as [ErrorCode, [number, ErrorKind]][]) {
        const response = await app.request(`/code/${code}`);
        expect([code, response.status, (await response.json()).code, errorKind(code), new PlatformError(code).kind]).toEqual([code, status, code, kind, kind]);
      }
    });
  });

  it("answers each code with a status of its kind's class: a refusal 4xx, a conflict 409, a fault 5xx", async () => {
    await quietly(async () => {
      for (const code of Object.keys(errorMessages) as ErrorCode[]) {
        const response = await app.request(`/code/${code}`);
        expect([code, errorKind(code), statusClass[errorKind(code)](response.status)]).toEqual([code, errorKind(code), true]);
      }
    });
  });

  it('maps a platform error to its status with its details', async () => {
    const response = await app.request('/conflict');
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'CASE_VERSION_CONFLICT', details: { version: 3 } });
  });
});
