import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../db/index.ts';
import { exchangeKeys, exchangeMembers } from '../db/schema/index.ts';
import type { ExchangeContext } from './exchange-context.ts';
import { generateKeyPair } from './signing.ts';

/** A member's public key as peers register it: what `publicKeys` hands out and `addPeerKey` takes. */
export interface PublicKeyEntry {
  memberCode: string;
  keyId: string;
  publicKey: string;
  validFrom: Date;
  validUntil: Date | null;
}

type KeyRow = typeof exchangeKeys.$inferSelect;

/** Registers a member (this node's own or a peer), or updates its name and address. */
export async function registerMember(ctx: ExchangeContext, member: { code: string; name: string; address?: string | null }): Promise<void> {
  const address = member.address ?? null;
  await ctx.db.insert(exchangeMembers).values({ code: member.code, name: member.name, address }).onConflictDoUpdate({ target: exchangeMembers.code, set: { name: member.name, address } });
}

/** A member by code, or undefined. */
export async function memberByCode(db: Executor, code: string) {
  const [row] = await db.select().from(exchangeMembers).where(eq(exchangeMembers.code, code));
  return row;
}

function newKeyId(at: Date): string {
  return `${at.toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`;
}

async function insertOwnKey(db: Executor, ctx: ExchangeContext, memberCode: string, validFrom: Date): Promise<PublicKeyEntry> {
  const pair = generateKeyPair();
  const keyId = newKeyId(validFrom);
  await db.insert(exchangeKeys).values({ memberCode, keyId, algorithm: 'Ed25519', publicKey: pair.publicKey, privateKey: ctx.cipher.encrypt(pair.privateKey), validFrom, validUntil: null });
  return { memberCode, keyId, publicKey: pair.publicKey, validFrom, validUntil: null };
}

/**
 * Makes a signing key for a member served here, valid from now: the private key is sealed by the
 * runtime's key ring (as personal data is) before it is written; the public key is returned for peers.
 */
export async function createKey(ctx: ExchangeContext, memberCode: string): Promise<PublicKeyEntry> {
  return insertOwnKey(ctx.db, ctx, memberCode, ctx.clock());
}

/**
 * Rotates a member's signing key: every key of it open or valid beyond now ends now, and a new one
 * starts now, in one transaction. The old keys stay, so what they signed while valid still verifies.
 * Returns every public key of the member, for its peers to register.
 */
export async function rotateKey(ctx: ExchangeContext, memberCode: string): Promise<PublicKeyEntry[]> {
  const now = ctx.clock();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(exchangeKeys)
      .set({ validUntil: now })
      .where(and(eq(exchangeKeys.memberCode, memberCode), isNotNull(exchangeKeys.privateKey), or(isNull(exchangeKeys.validUntil), gt(exchangeKeys.validUntil, now))));
    await insertOwnKey(tx, ctx, memberCode, now);
  });
  return publicKeys(ctx.db, memberCode);
}

/** Every public key of a member with its validity, oldest first: what its peers register. */
export async function publicKeys(db: Executor, memberCode: string): Promise<PublicKeyEntry[]> {
  const rows = await db.select().from(exchangeKeys).where(eq(exchangeKeys.memberCode, memberCode)).orderBy(exchangeKeys.validFrom);
  return rows.map((row) => ({ memberCode, keyId: row.keyId, publicKey: row.publicKey, validFrom: row.validFrom, validUntil: row.validUntil }));
}

/** Registers a peer's public key, or (the same key again) takes its new end of validity after the peer rotated. */
export async function addPeerKey(ctx: ExchangeContext, key: PublicKeyEntry): Promise<void> {
  await ctx.db
    .insert(exchangeKeys)
    .values({ memberCode: key.memberCode, keyId: key.keyId, algorithm: 'Ed25519', publicKey: key.publicKey, privateKey: null, validFrom: key.validFrom, validUntil: key.validUntil })
    .onConflictDoUpdate({ target: [exchangeKeys.memberCode, exchangeKeys.keyId], set: { validUntil: key.validUntil } });
}

/** One registered key of a member, or undefined. */
export async function registeredKey(db: Executor, memberCode: string, keyId: string): Promise<KeyRow | undefined> {
  const [row] = await db.select().from(exchangeKeys).where(and(eq(exchangeKeys.memberCode, memberCode), eq(exchangeKeys.keyId, keyId)));
  return row;
}

/** Whether a key was valid at a time: from its start, up to (not including) its end. */
export function validAt(key: Pick<KeyRow, 'validFrom' | 'validUntil'>, at: Date): boolean {
  return key.validFrom.getTime() <= at.getTime() && (key.validUntil === null || at.getTime() < key.validUntil.getTime());
}

/** The private key a member served here signs with at a time (the latest valid one), opened; undefined when this node holds none. */
export async function signingKey(ctx: ExchangeContext, db: Executor, memberCode: string, at: Date): Promise<{ keyId: string; privateKey: string } | undefined> {
  const rows = await db
    .select()
    .from(exchangeKeys)
    .where(and(eq(exchangeKeys.memberCode, memberCode), isNotNull(exchangeKeys.privateKey), lte(exchangeKeys.validFrom, at), or(isNull(exchangeKeys.validUntil), gt(exchangeKeys.validUntil, at))))
    .orderBy(desc(exchangeKeys.validFrom))
    .limit(1);
  const row = rows[0];
  return row ? { keyId: row.keyId, privateKey: ctx.cipher.decrypt(row.privateKey!) } : undefined;
}

/** Whether a member is served by this node: it holds one of the member's private keys. */
export async function servedHere(db: Executor, memberCode: string): Promise<boolean> {
  const [row] = await db.select({ keyId: exchangeKeys.keyId }).from(exchangeKeys).where(and(eq(exchangeKeys.memberCode, memberCode), isNotNull(exchangeKeys.privateKey))).limit(1);
  return row !== undefined;
}
