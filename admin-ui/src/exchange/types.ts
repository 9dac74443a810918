/** A member of the exchange as `GET /api/admin/exchange` lists it: public keys only. */
export interface ExchangeMember {
  code: string;
  name: string;
  address: string | null;
  servedHere: boolean;
  keys: { keyId: string; publicKey: string; validFrom: string; validUntil: string | null }[];
}

/** The messages the city's outbox holds for one receiver. */
export interface OutboxRow {
  receiver: string;
  pending: number;
  delivered: number;
  attemptsMax: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

/** How the administrator's city is wired to other organisations. */
export interface ExchangeWiring {
  cityCode: string;
  members: ExchangeMember[];
  services: { service: string; client: string; provider: string }[];
  bank: { member: string; bank: string } | null;
  outbox: OutboxRow[];
}
