import { addPeerKey, createKey, publicKeys, registerMember, registerService, servedHere } from '../exchange/index.ts';
import type { RuntimeContext } from '../runtime-context.ts';
import { NATIONAL_CLAIM } from './claims.ts';

/** A node of the federation: its runtime, the exchange member it serves, and where its exchange API listens. */
export interface FederationNode {
  rt: RuntimeContext;
  memberCode: string;
  name: string;
  /** `http://host:port/api/exchange` */
  address: string;
}

/** The member served at `node`, with a signing key (made the first time). */
async function ownMember(node: FederationNode): Promise<void> {
  await registerMember(node.rt, { code: node.memberCode, name: node.name });
  if (!(await servedHere(node.rt.db, node.memberCode))) await createKey(node.rt, node.memberCode);
}

/** `peer` registered at `at` with its address and every public key of its member. */
async function registerPeer(at: FederationNode, peer: FederationNode): Promise<void> {
  await registerMember(at.rt, { code: peer.memberCode, name: peer.name, address: peer.address });
  for (const key of await publicKeys(peer.rt.db, peer.memberCode)) await addPeerKey(at.rt, key);
}

/**
 * Links a province to the national node on the exchange, as their operators would by hand: each
 * registers the other's member, address and public keys, and the province routes `national.claim`
 * for each of its cities to the national node. The foreign tables are separate (`attachProvince`).
 */
export async function linkProvince(national: FederationNode, province: FederationNode, cityCodes: readonly string[]): Promise<void> {
  await ownMember(national);
  await ownMember(province);
  await registerPeer(national, province);
  await registerPeer(province, national);
  for (const cityCode of cityCodes) await registerService(province.rt, { cityCode, service: NATIONAL_CLAIM, client: province.memberCode, provider: national.memberCode });
}
