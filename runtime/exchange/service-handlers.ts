import type { Transaction } from '../db/index.ts';
import type { Envelope } from './envelope.ts';

/**
 * What a service does with a message received for it, in the transaction that takes the message into
 * the inbox: what it writes commits with the inbox row, and a throw refuses the message (the sender
 * gets the error, nothing of the message is kept, and a later delivery may try again).
 */
export type ServiceHandler = (tx: Transaction, envelope: Envelope) => Promise<void>;

/** The handlers of a node by service name (`bank.reconciliation`); a message of a service not named here is only kept in the inbox. */
export type ServiceHandlers = ReadonlyMap<string, ServiceHandler>;

/** Hands a newly received message to its service's handler, if there is one. */
export async function dispatchToService(tx: Transaction, handlers: ServiceHandlers | undefined, envelope: Envelope): Promise<void> {
  await handlers?.get(envelope.service)?.(tx, envelope);
}
