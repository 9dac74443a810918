import { createPublicKey } from 'node:crypto';
import { and, asc, eq, inArray, min, sql } from 'drizzle-orm';
import { PlatformError } from '../../engine/index.ts';
import type { RequestOrigin } from '../audit/index.ts';
import type { SessionUser } from '../auth/index.ts';
import type { Executor } from '../db/index.ts';
import { bankConnectors, exchangeKeys, exchangeMembers, exchangeOutbox, exchangeServices } from '../db/schema/index.ts';
import { addPeerKey, createKey, deadLetters, memberByCode, putBackDeadLetter, registerMember, registerService, rotateKey, servedHere, type DeadLetter } from '../exchange/index.ts';
import { connectBank } from '../ledger/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { administer } from './admin-audit.ts';

/** A registered member as the administrator sees it: its keys' public halves and validity, never a private key. */
export interface MemberView {
  code: string;
  name: string;
  address: string | null;
  servedHere: boolean;
  keys: { keyId: string; publicKey: string; validFrom: string; validUntil: string | null }[];
}

/** The messages waiting for, delivered to or given up on one receiver, as the city's outbox holds them. */
export interface OutboxByReceiver {
  receiver: string;
  pending: number;
  delivered: number;
  dead: number;
  attemptsMax: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** How a city is wired to other organisations: the registry, its service routes, its bank, its outbox. */
export interface ExchangeWiring {
  cityCode: string;
  members: MemberView[];
  services: { service: string; client: string; provider: string }[];
  bank: { member: string; bank: string } | null;
  outbox: OutboxByReceiver[];
}

/** The city an administrator wires: their own. */
function cityOf(admin: SessionUser): string {
  const city = admin.orgUnit.cityCode;
  if (!city) throw new PlatformError('ROLE_NOT_PERMITTED', { details: { reason: 'a city keeps its own exchange wiring' } });
  return city;
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

/** Registered members with their keys, oldest key first: every one, or the one named by `code`. */
async function membersWithKeys(db: Executor, code?: string): Promise<MemberView[]> {
  const members = await db.select().from(exchangeMembers).where(code === undefined ? undefined : eq(exchangeMembers.code, code)).orderBy(asc(exchangeMembers.code));
  const keys = await db.select().from(exchangeKeys).where(code === undefined ? undefined : eq(exchangeKeys.memberCode, code)).orderBy(asc(exchangeKeys.validFrom));
  return members.map((member) => {
    const own = keys.filter((key) => key.memberCode === member.code);
    return {
      code: member.code,
      name: member.name,
      address: member.address,
      servedHere: own.some((key) => key.privateKey !== null),
      keys: own.map((key) => ({ keyId: key.keyId, publicKey: key.publicKey, validFrom: key.validFrom.toISOString(), validUntil: iso(key.validUntil) })),
    };
  });
}

/** One member as the administrator sees it, read after a change to it. */
async function memberView(db: Executor, code: string): Promise<MemberView> {
  return (await membersWithKeys(db, code))[0]!;
}

/** The outbox of the members a city sends with (its routes' clients and its bank member), by receiver. */
async function outboxOf(db: Executor, senders: string[]): Promise<OutboxByReceiver[]> {
  if (senders.length === 0) return [];
  const rows = await db
    .select({
      receiver: exchangeOutbox.receiver,
      pending: sql<number>`count(*) FILTER (WHERE ${exchangeOutbox.status} = 'pending')::int`,
      delivered: sql<number>`count(*) FILTER (WHERE ${exchangeOutbox.status} = 'delivered')::int`,
      dead: sql<number>`count(*) FILTER (WHERE ${exchangeOutbox.status} = 'dead')::int`,
      attemptsMax: sql<number>`coalesce(max(${exchangeOutbox.attempts}) FILTER (WHERE ${exchangeOutbox.status} = 'pending'), 0)::int`,
      nextAttemptAt: min(exchangeOutbox.nextAttemptAt),
      lastError: sql<string | null>`(array_agg(${exchangeOutbox.lastError} ORDER BY ${exchangeOutbox.seq} DESC) FILTER (WHERE ${exchangeOutbox.status} = 'pending' AND ${exchangeOutbox.lastError} IS NOT NULL))[1]`,
    })
    .from(exchangeOutbox)
    .where(inArray(exchangeOutbox.sender, senders))
    .groupBy(exchangeOutbox.receiver)
    .orderBy(asc(exchangeOutbox.receiver));
  return rows.map((row) => ({
    receiver: row.receiver,
    pending: Number(row.pending),
    delivered: Number(row.delivered),
    dead: Number(row.dead),
    attemptsMax: Number(row.attemptsMax),
    nextAttemptAt: row.nextAttemptAt === null ? null : new Date(row.nextAttemptAt).toISOString(),
    lastError: row.lastError,
  }));
}

/** A city's service routes and bank connection, and the members it sends with (its routes' clients and its bank member). */
async function routesOf(db: Executor, cityCode: string) {
  const services = await db
    .select({ service: exchangeServices.service, client: exchangeServices.client, provider: exchangeServices.provider })
    .from(exchangeServices)
    .where(eq(exchangeServices.cityCode, cityCode))
    .orderBy(asc(exchangeServices.service));
  const [bank] = await db.select({ member: bankConnectors.memberCode, bank: bankConnectors.bankMemberCode }).from(bankConnectors).where(eq(bankConnectors.cityCode, cityCode));
  const senders = [...new Set([...services.map((route) => route.client), ...(bank ? [bank.member] : [])])];
  return { services, bank: bank ?? null, senders };
}

/** The administrator's city's wiring (`exchange.manage`). */
export async function exchangeWiring(rt: RuntimeContext, admin: SessionUser): Promise<ExchangeWiring> {
  const cityCode = cityOf(admin);
  const { services, bank, senders } = await routesOf(rt.db, cityCode);
  return { cityCode, members: await membersWithKeys(rt.db), services, bank, outbox: await outboxOf(rt.db, senders) };
}

/** The messages the administrator's city gave up (`exchange.manage`): what, to whom, how often tried, the last answer. */
export async function cityDeadLetters(rt: RuntimeContext, admin: SessionUser): Promise<DeadLetter[]> {
  return deadLetters(rt.db, (await routesOf(rt.db, cityOf(admin))).senders);
}

/**
 * Puts one of the city's dead letters back in the outbox, due now (`putBackDeadLetter`), once the cause is
 * mended; recorded in the audit trail and the access log with the attempts and last failure it had.
 */
export async function putBack(rt: RuntimeContext, admin: SessionUser, seq: number, origin: RequestOrigin): Promise<DeadLetter> {
  const cityCode = cityOf(admin);
  return administer(rt, admin, origin, async (tx, note, at) => {
    const letter = await putBackDeadLetter(tx, (await routesOf(tx, cityCode)).senders, seq, at);
    await note({ action: 'exchange.message.put-back', targetType: 'exchange-message', target: letter.messageId, cityCode, details: { seq, receiver: letter.receiver, service: letter.service, businessKey: letter.businessKey, attempts: letter.attempts, lastError: letter.lastError, deadAt: letter.deadAt } });
    return letter;
  });
}

/** A member as registered: refused as `EXCHANGE_MEMBER_UNKNOWN` when there is none. */
async function knownMember(db: Executor, code: string) {
  const member = await memberByCode(db, code);
  if (!member) throw new PlatformError('EXCHANGE_MEMBER_UNKNOWN', { details: { member: code } });
  return member;
}

/**
 * Registers a peer organisation (its code, name and the base URL of its exchange API), or changes the
 * name and address of one registered. Recorded in the audit trail and the access log.
 */
export async function registerPeer(rt: RuntimeContext, admin: SessionUser, peer: { code: string; name: string; address: string | null }, origin: RequestOrigin): Promise<MemberView> {
  const cityCode = cityOf(admin);
  return administer(rt, admin, origin, async (tx, note) => {
    const before = await memberByCode(tx, peer.code);
    await registerMember({ ...rt, db: tx }, peer);
    await note({ action: 'exchange.member.register', targetType: 'exchange-member', target: peer.code, cityCode, details: { name: peer.name, address: peer.address, before: before ? { name: before.name, address: before.address } : null } });
    return memberView(tx, peer.code);
  });
}

/** Whether a text is an Ed25519 public key as SPKI DER in base64. */
function isEd25519Spki(publicKey: string): boolean {
  try {
    return createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

/**
 * Registers a peer's public key with its validity (or, the same key again, its new end after the peer
 * rotated). Refused: a member not registered, a member whose keys this node holds (its keys are made
 * here), a key that is not Ed25519 SPKI, an end before the start.
 */
export async function addMemberKey(rt: RuntimeContext, admin: SessionUser, key: { memberCode: string; keyId: string; publicKey: string; validFrom: Date; validUntil: Date | null }, origin: RequestOrigin): Promise<MemberView> {
  const cityCode = cityOf(admin);
  if (!isEd25519Spki(key.publicKey)) throw new PlatformError('EXCHANGE_PUBLIC_KEY_INVALID', { details: { keyId: key.keyId } });
  if (key.validUntil !== null && key.validUntil.getTime() <= key.validFrom.getTime()) throw new PlatformError('EXCHANGE_PUBLIC_KEY_INVALID', { details: { keyId: key.keyId, reason: 'validUntil is not after validFrom' } });
  return administer(rt, admin, origin, async (tx, note) => {
    await knownMember(tx, key.memberCode);
    if (await servedHere(tx, key.memberCode)) throw new PlatformError('EXCHANGE_MEMBER_SERVED_HERE', { details: { member: key.memberCode } });
    const [existing] = await tx.select().from(exchangeKeys).where(and(eq(exchangeKeys.memberCode, key.memberCode), eq(exchangeKeys.keyId, key.keyId)));
    if (existing && existing.publicKey !== key.publicKey) throw new PlatformError('EXCHANGE_PUBLIC_KEY_INVALID', { details: { keyId: key.keyId, reason: 'another key is registered under this id' } });
    await addPeerKey({ ...rt, db: tx }, key);
    await note({ action: 'exchange.key.add', targetType: 'exchange-member', target: key.memberCode, cityCode, details: { keyId: key.keyId, validFrom: key.validFrom.toISOString(), validUntil: iso(key.validUntil) } });
    return memberView(tx, key.memberCode);
  });
}

/**
 * Makes a signing key for one of the city's own members (registered first): the first, or a rotation
 * that ends the current key now. Refused for a member whose keys are a peer's. The private key never
 * leaves the node; the public one is returned for the peers.
 */
export async function makeOwnKey(rt: RuntimeContext, admin: SessionUser, memberCode: string, origin: RequestOrigin): Promise<MemberView> {
  const cityCode = cityOf(admin);
  return administer(rt, admin, origin, async (tx, note) => {
    await knownMember(tx, memberCode);
    const keys = await tx.select({ privateKey: exchangeKeys.privateKey }).from(exchangeKeys).where(eq(exchangeKeys.memberCode, memberCode));
    if (keys.some((key) => key.privateKey === null)) throw new PlatformError('EXCHANGE_MEMBER_NOT_OURS', { details: { member: memberCode } });
    const ctx = { ...rt, db: tx };
    const made = keys.length > 0 ? (await rotateKey(ctx, memberCode)).at(-1)! : await createKey(ctx, memberCode);
    await note({ action: keys.length > 0 ? 'exchange.key.rotate' : 'exchange.key.create', targetType: 'exchange-member', target: memberCode, cityCode, details: { keyId: made.keyId } });
    return memberView(tx, memberCode);
  });
}

/**
 * Routes a service of the administrator's city: which of its own members asks and which registered
 * peer answers. Refused: a client whose keys this node does not hold, a provider not registered or
 * with no address to ask at.
 */
export async function routeService(rt: RuntimeContext, admin: SessionUser, route: { service: string; client: string; provider: string }, origin: RequestOrigin) {
  const cityCode = cityOf(admin);
  return administer(rt, admin, origin, async (tx, note) => {
    await knownMember(tx, route.client);
    if (!(await servedHere(tx, route.client))) throw new PlatformError('EXCHANGE_MEMBER_NOT_OURS', { details: { member: route.client } });
    const provider = await knownMember(tx, route.provider);
    if (provider.address === null) throw new PlatformError('EXCHANGE_MEMBER_UNREACHABLE', { details: { member: route.provider } });
    await registerService({ ...rt, db: tx }, { cityCode, ...route });
    await note({ action: 'exchange.service.route', targetType: 'exchange-service', target: route.service, cityCode, details: { client: route.client, provider: route.provider } });
    return { cityCode, ...route };
  });
}

/** Connects the administrator's city to its bank: its own member that sends the batches, the bank's member that answers. */
export async function wireBank(rt: RuntimeContext, admin: SessionUser, wiring: { member: string; bank: string }, origin: RequestOrigin) {
  const cityCode = cityOf(admin);
  return administer(rt, admin, origin, async (tx, note) => {
    await knownMember(tx, wiring.member);
    if (!(await servedHere(tx, wiring.member))) throw new PlatformError('EXCHANGE_MEMBER_NOT_OURS', { details: { member: wiring.member } });
    const bank = await knownMember(tx, wiring.bank);
    if (bank.address === null) throw new PlatformError('EXCHANGE_MEMBER_UNREACHABLE', { details: { member: wiring.bank } });
    await connectBank(tx, { cityCode, ...wiring });
    await note({ action: 'exchange.bank.connect', targetType: 'exchange-service', target: 'bank', cityCode, details: wiring });
    return { cityCode, ...wiring };
  });
}
