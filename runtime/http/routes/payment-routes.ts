import { z } from '@hono/zod-openapi';
import {
  batchBankFile,
  getBatch,
  getReconciliation,
  importReconciliation,
  issueBatch,
  listBatches,
  listLedgerItems,
  listReconciliations,
  RECONCILIATION_HEADER,
  sendBatch,
  UNMATCHED_REASONS,
} from '../../ledger/index.ts';
import { requireCity } from '../../persons/index.ts';
import type { RuntimeContext } from '../../runtime-context.ts';
import { apiRouter } from '../api-app.ts';
import { secureRoute } from '../secure-route.ts';
import { IdParam, Paging, errorResponses, jsonBody, jsonResponse } from '../schemas.ts';

const Fund = z.enum(['employment-subsidy', 'unemployment-insurance']).openapi({ description: '就业补助资金 / 失业保险基金' });

const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });
const PayeeKind = z.enum(['person', 'employer', 'institution', 'bank']).openapi({ description: '收款方：个人 / 用人单位 / 机构 / 银行' });
const PayeeView = z
  .object({
    kind: PayeeKind,
    name: z.string().nullable(),
    accountMasked: z.string().nullable().openapi({ description: 'The account, masked (`6222 **** **** 1234`); never in the clear' }),
    bank: z.string().nullable(),
  })
  .openapi('Payee');

const LedgerItem = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string(),
    subsidyType: z.string(),
    item: z.string(),
    period: z.string(),
    fund: Fund,
    amountFen: z.number().int(),
    caseId: z.string(),
    payee: PayeeView,
    preparedBy: z.string(),
    approvedBy: z.string(),
    approvedAt: z.string(),
    paymentStatus: z.enum(['unpaid', 'issued', 'sent', 'paid', 'failed', 'reconciled']),
    awaitingAccount: z.boolean().openapi({ description: 'Approved but held out of batches until the person has a payment account on record' }),
    note: Localized.optional(),
  })
  .openapi('LedgerItem');

const Batch = z
  .object({
    id: z.string(),
    batchNo: z.string(),
    fund: Fund,
    status: z.enum(['issued', 'sent', 'reconciled']),
    paymentCount: z.number().int(),
    totalFen: z.number().int(),
    issuedBy: z.string(),
    issuedAt: z.string(),
    sentBy: z.string().nullable(),
    sentAt: z.string().nullable(),
    reconciledAt: z.string().nullable(),
  })
  .openapi('PaymentBatch');

const BankDelivery = z
  .object({
    state: z.enum(['sending', 'undeliverable', 'delivered', 'reconciled']),
    bank: z.string(),
    messageId: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    reconciliationId: z.string().nullable(),
  })
  .nullable()
  .openapi('BankDelivery', { description: 'The batch sent to the bank over the exchange: in the outbox (`sending`, with its attempts and last failure), given up as a dead letter (`undeliverable`, until the city’s administrator puts it back), acknowledged by the bank, or reconciled by its signed answer; null when the city has no bank connector' });

const Payment = z
  .object({
    id: z.string(),
    paymentNo: z.string(),
    itemId: z.string(),
    personName: z.string(),
    payee: PayeeView,
    amountFen: z.number().int(),
    status: z.enum(['issued', 'sent', 'paid', 'failed', 'reconciled']),
    failureReason: z.string().nullable(),
    bankReference: z.string().nullable(),
  })
  .openapi('Payment');

const AwaitingAccount = z
  .object({
    count: z.number().int(),
    message: Localized,
    items: z.array(z.object({ itemId: z.string(), personName: z.string(), item: z.string(), period: z.string(), amountFen: z.number().int() })),
  })
  .openapi('AwaitingAccount', { description: 'Approved items held out of the batch: their person has no payment account on record; a later batch pays them once it is' });

const UnmatchedReason = z
  .enum(UNMATCHED_REASONS)
  .openapi('UnmatchedReason', { description: "Why a line of the bank's file matched no payment (runtime/ledger/BANK.md)" });

const ReconciliationResult = z
  .object({
    id: z.string(),
    lineCount: z.number().int(),
    matchedCount: z.number().int(),
    unmatched: z.array(z.object({ lineNo: z.number().int(), raw: z.string(), reason: UnmatchedReason })),
  })
  .openapi('ReconciliationResult');

const ReconciliationSummary = z
  .object({
    id: z.string(),
    fileName: z.string(),
    importedAt: z.string(),
    importedBy: z.object({ id: z.string(), name: z.string() }),
    lineCount: z.number().int(),
    matchedCount: z.number().int(),
    unmatchedCount: z.number().int(),
  })
  .openapi('ReconciliationSummary');

const tags = ['payments'];

const itemsRoute = secureRoute('ledger.read', {
  method: 'get',
  path: '/ledger/items',
  operationId: 'listLedgerItems',
  tags,
  summary: 'Approved payments of a person or case, or paid to an employer, with their payment status',
  request: {
    query: z.object({
      personId: z.uuid().optional(),
      caseId: z.uuid().optional(),
      employerId: z.uuid().optional().openapi({ description: 'Items whose payee is this employer of the city (subsidies paid to it)' }),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(LedgerItem) }), 'Ledger items') },
});

const issueRoute = secureRoute('payments.prepare', {
  method: 'post',
  path: '/payment-batches',
  operationId: 'issuePaymentBatch',
  tags,
  summary: 'Issue a payment batch of one fund: every approved item not paid or in flight, failed ones re-issued (not by whoever imported their failure)',
  request: { body: jsonBody(z.object({ fund: Fund }).strict()) },
  responses: { 201: jsonResponse(Batch.extend({ awaitingAccount: AwaitingAccount }), 'Issued, with the items held for want of an account'), ...errorResponses(422) },
});

const listRoute = secureRoute('ledger.read', {
  method: 'get',
  path: '/payment-batches',
  operationId: 'listPaymentBatches',
  tags,
  summary: "The city's payment batches, newest first",
  request: { query: Paging },
  responses: { 200: jsonResponse(z.object({ items: z.array(Batch) }), 'Batches') },
});

const getRoute = secureRoute('ledger.read', {
  method: 'get',
  path: '/payment-batches/{id}',
  operationId: 'getPaymentBatch',
  tags,
  summary: 'A batch with its payments',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Batch.extend({ bank: BankDelivery, payments: z.array(Payment) }), 'Batch'), ...errorResponses(404) },
});

const sendRoute = secureRoute('payments.approve', {
  method: 'post',
  path: '/payment-batches/{id}/send',
  operationId: 'sendPaymentBatch',
  tags,
  summary: 'Approve sending an issued batch to the bank (a reviewer other than the issuer)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Batch.extend({ bank: BankDelivery }), 'Sent; with a bank connector the batch is in the outbox as a signed message'), ...errorResponses(404, 409) },
});

const fileRoute = secureRoute('payments.prepare', {
  method: 'get',
  path: '/payment-batches/{id}/bank-file',
  operationId: 'downloadBankFile',
  tags,
  summary: 'The CSV file for the bank',
  request: { params: IdParam },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses(404) },
});

const reconcileRoute = secureRoute('payments.prepare', {
  method: 'post',
  path: '/reconciliations',
  operationId: 'importReconciliation',
  tags,
  summary: `Import a bank reconciliation CSV (${RECONCILIATION_HEADER}); unmatched lines are reported; a file failing payments is imported by neither the issuer nor the sender of their batch`,
  request: { body: jsonBody(z.object({ fileName: z.string().trim().min(1).max(200), content: z.string().min(1) }).strict()) },
  responses: { 201: jsonResponse(ReconciliationResult, 'Imported'), ...errorResponses(409, 413) },
});

const reconciliationsRoute = secureRoute('payments.prepare', {
  method: 'get',
  path: '/reconciliations',
  operationId: 'listReconciliations',
  tags,
  summary: "The city's imported reconciliation files, newest first: when, who, file name, lines matched and unmatched",
  request: { query: Paging },
  responses: { 200: jsonResponse(z.object({ items: z.array(ReconciliationSummary) }), 'Imports') },
});

const reconciliationRoute = secureRoute('payments.prepare', {
  method: 'get',
  path: '/reconciliations/{id}',
  operationId: 'getReconciliation',
  tags,
  summary: 'A past reconciliation import with its unmatched lines (number, payment number, reason; not the line, which holds an ID number)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(ReconciliationSummary.extend({ unmatched: z.array(z.object({ lineNo: z.number().int(), paymentNo: z.string().nullable(), reason: UnmatchedReason })) }), 'Import'),
    ...errorResponses(404),
  },
});

/** The subsidy and benefit payment ledger: items, batches, bank files and reconciliation. */
export function paymentRoutes(rt: RuntimeContext) {
  return apiRouter()
    .openapi(itemsRoute, async (c) => c.json({ items: await listLedgerItems(rt.db, requireCity(c.get('user')), c.req.valid('query')) }, 200))
    .openapi(issueRoute, async (c) => c.json(await issueBatch(rt, c.get('user'), c.req.valid('json')), 201))
    .openapi(listRoute, async (c) => c.json(await listBatches(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(getRoute, async (c) => c.json(await getBatch(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(sendRoute, async (c) => c.json(await sendBatch(rt, c.get('user'), c.req.valid('param').id), 200))
    .openapi(fileRoute, async (c) => c.text(await batchBankFile(rt, c.get('user'), c.req.valid('param').id, c.get('origin')), 200, { 'Content-Type': 'text/csv; charset=utf-8' }))
    .openapi(reconcileRoute, async (c) => c.json(await importReconciliation(rt, c.get('user'), c.req.valid('json')), 201))
    .openapi(reconciliationsRoute, async (c) => c.json(await listReconciliations(rt, c.get('user'), c.req.valid('query')), 200))
    .openapi(reconciliationRoute, async (c) => c.json(await getReconciliation(rt, c.get('user'), c.req.valid('param').id), 200));
}
