import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import { canonicalJson, Envelope, generateKeyPair, headerBytes, payloadHash, sealEnvelope, signBytes, verifyBytes, type PublicKeyEntry } from '../../runtime/exchange/index.ts';
import { loopbackServer } from './loopback-server.ts';

/** The bank's member code on the exchange (a bank's branch code would do). */
export const BANK = 'ICBC-350200';

/** A payment as the bank took it from `bank.payment-batch`. */
export interface BankPayment {
  paymentNo: string;
  payeeKind: string;
  payeeCode: string;
  accountName: string;
  accountNo: string;
  bank: string;
  amountFen: number;
}

/** The payload of `bank.payment-batch`. */
export interface BankBatch {
  batchId: string;
  batchNo: string;
  fund: string;
  currency: string;
  paymentCount: number;
  totalFen: number;
  payments: BankPayment[];
}

/** How the test wants the bank to answer a batch: lines failed by payment number; a change to the payload after or before signing; another key. */
export interface ReconcileOptions {
  failed?: readonly string[];
  /** Changes the payload before it is signed (a reconciliation that does not agree with the batch, yet properly signed). */
  edit?: (payload: Record<string, unknown>) => void;
  /** Changes the payload after it is signed (tampered on the way). */
  tamper?: (payload: Record<string, unknown>) => void;
  /** Signs with a key the city does not know as the bank's. */
  foreignKey?: boolean;
  /** Sends no signature at all. */
  unsigned?: boolean;
}

/** The simulated bank: a small server of its own with its member and key, no database. */
export interface BankPeer {
  member: string;
  /** The bank's public key, for the city's registry. */
  publicKey: PublicKeyEntry;
  address(): string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Every envelope the bank took into its inbox, by batch number. */
  batches: Map<string, Envelope>;
  /** Answers a batch with its signed reconciliation, pushed to the city's inbox: the answer's status and body. */
  reconcile(batchNo: string, options?: ReconcileOptions): Promise<{ status: number; body: unknown; envelope: unknown }>;
}

function refusal(code: string, message: string) {
  return { code, message: { 'zh-CN': message, en: message }, details: {} };
}

/**
 * Starts the bank of a test on a loopback port: a Hono app implementing the exchange's `POST
 * {address}/inbox` as a bank would from the documented interface alone: it checks the city's
 * signature under the city's registered key and the payload hash, keeps the batch (a repeat gets the
 * same acknowledgement), and answers an acknowledgement signed with its own key. `reconcile` answers a
 * batch with a signed `bank.reconciliation` pushed to the city's inbox.
 */
export async function startBankPeer(options: { clock: () => Date; city: { member: string; keys: () => readonly PublicKeyEntry[]; inbox: () => string } }): Promise<BankPeer> {
  const pair = generateKeyPair();
  const validFrom = options.clock();
  const keyId = `bank-${randomUUID().slice(0, 8)}`;
  const publicKey: PublicKeyEntry = { memberCode: BANK, keyId, publicKey: pair.publicKey, validFrom, validUntil: null };
  const key = { keyId, privateKey: pair.privateKey };
  const batches = new Map<string, Envelope>();
  const acks = new Map<string, unknown>();

  const app = new Hono();
  app.post('/api/exchange/inbox', async (c) => {
    const parsed = Envelope.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) return c.json(refusal('BAD_REQUEST', 'not an envelope'), 400);
    const envelope = parsed.data;
    if (envelope.sender !== options.city.member) return c.json(refusal('EXCHANGE_SENDER_UNKNOWN', 'unknown sender'), 403);
    const at = new Date(envelope.sentAt);
    const cityKey = options.city.keys().find((k) => k.keyId === envelope.keyId && k.validFrom <= at && (k.validUntil === null || at < k.validUntil));
    if (!cityKey) return c.json(refusal('EXCHANGE_KEY_NOT_VALID', 'key not valid'), 403);
    if (!verifyBytes(cityKey.publicKey, headerBytes(envelope), envelope.signature)) return c.json(refusal('EXCHANGE_SIGNATURE_INVALID', 'signature'), 401);
    if (payloadHash(envelope.payload) !== envelope.payloadHash) return c.json(refusal('EXCHANGE_PAYLOAD_HASH_MISMATCH', 'payload hash'), 422);
    if (envelope.receiver !== BANK) return c.json(refusal('EXCHANGE_RECEIVER_NOT_HERE', 'not the bank'), 421);
    const first = acks.get(envelope.messageId);
    if (first) return c.json(first, 200);
    if (envelope.service !== 'bank.payment-batch') return c.json(refusal('BAD_REQUEST', 'the bank takes payment batches only'), 422);
    if (batches.has(envelope.businessKey)) return c.json(refusal('EXCHANGE_MESSAGE_CONFLICT', 'batch already taken'), 409);
    const fields = { messageId: envelope.messageId, sender: envelope.sender, receiver: envelope.receiver, payloadHash: envelope.payloadHash, receivedAt: options.clock().toISOString(), keyId };
    const ack = { ...fields, signature: signBytes(key.privateKey, canonicalJson(fields)) };
    batches.set(envelope.businessKey, envelope);
    acks.set(envelope.messageId, ack);
    return c.json(ack, 200);
  });

  const peer: BankPeer = {
    member: BANK,
    publicKey,
    ...loopbackServer(app.fetch),
    batches,
    async reconcile(batchNo, o = {}) {
      const batch = batches.get(batchNo)?.payload as BankBatch | undefined;
      if (!batch) throw new Error(`the bank has no batch ${batchNo}`);
      const failed = new Set(o.failed ?? []);
      const payload: Record<string, unknown> = {
        batchNo,
        paymentCount: batch.paymentCount,
        totalFen: batch.totalFen,
        lines: batch.payments.map((p, index) => ({
          paymentNo: p.paymentNo,
          payeeCode: p.payeeCode,
          amountFen: p.amountFen,
          result: failed.has(p.paymentNo) ? 'failed' : 'paid',
          bankReference: `ICBC${batchNo}${String(index + 1).padStart(3, '0')}`,
          message: failed.has(p.paymentNo) ? '账户已销户' : '',
        })),
      };
      o.edit?.(payload);
      const signer = o.foreignKey ? { keyId, privateKey: generateKeyPair().privateKey } : key;
      const envelope: Record<string, unknown> = { ...sealEnvelope({ messageId: randomUUID(), businessKey: batchNo, sender: BANK, receiver: options.city.member, service: 'bank.reconciliation', sentAt: options.clock(), payload }, signer) };
      o.tamper?.(envelope['payload'] as Record<string, unknown>);
      if (o.unsigned) delete envelope['signature'];
      const answer = await fetch(options.city.inbox(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(envelope) });
      return { status: answer.status, body: await answer.json(), envelope };
    },
  };
  await peer.start();
  return peer;
}
