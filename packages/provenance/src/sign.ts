import type { Statement } from '@reuse-pref/schema';
import { type SigningKey, signDetached } from './detached-jws.js';
import { hopPayload, statementPayload } from './signing-input.js';

/**
 * The producer's step: signs the statement as it will be sent and returns a copy carrying
 * `signature: { jws }`. Any signature or hops already on it are dropped, because they would not cover
 * this statement's bytes; the input is not modified.
 */
export async function signStatement(statement: Statement, key: SigningKey): Promise<Statement> {
  const { signature: _old, ...unsigned } = statement;
  const jws = await signDetached(statementPayload(unsigned as Statement), key);
  return { ...unsigned, signature: { jws } } as Statement;
}

export interface HopOptions {
  /** The relay's supplier id, as the trust list names it. */
  relay: string;
  /** When the relay passed the statement on; defaults to now. */
  relayedAt?: string;
  key: SigningKey;
}

/**
 * The relay's step: appends a hop record signing the last signature on the statement (the producer's,
 * or the previous relay's), the relay id and the time. The statement and the earlier signatures are
 * passed on exactly as received. Refuses an unsigned statement: there is nothing to chain to.
 */
export async function addHop(statement: Statement, options: HopOptions): Promise<Statement> {
  const signature = statement.signature;
  if (!signature)
    throw new TypeError('addHop: the statement is not signed, so there is no signature to chain to');
  const hops = signature.hops ?? [];
  const previous = hops.length > 0 ? hops[hops.length - 1]!.jws : signature.jws;
  const relayedAt = options.relayedAt ?? new Date().toISOString();
  const jws = await signDetached(hopPayload(previous, options.relay, relayedAt), options.key);
  return {
    ...statement,
    signature: { ...signature, hops: [...hops, { relay: options.relay, relayedAt, jws }] },
  };
}
