import { addHop, signStatement } from '@reuse-pref/provenance';
import { canonicalJson, type Statement } from '@reuse-pref/schema';
import type { StatementStore } from '@reuse-pref/store';
import type { SigningOptions } from './signing-options.js';

const unsigned = ({ signature: _s, ...rest }: Statement) => canonicalJson(rest);

/**
 * The producer's step (signatures.md 3): the statement as this MIS stores and serves it, signed when it
 * records it as its own supplier and it is not signed yet. A statement another supplier recorded, or one
 * that arrives signed, is kept as given (a signed statement is never re-signed, 3.7). When the same
 * statement is already held (a retry), the held copy is returned, so an ES256 signature, which differs on
 * every signing, does not make the retry a conflict.
 */
export async function signAsRecorded(
  signing: SigningOptions,
  store: Pick<StatementStore, 'statements'>,
  statement: Statement,
): Promise<Statement> {
  if (statement.signature !== undefined || statement.recordedBy.supplierId !== signing.supplier)
    return statement;
  const held = await store.statements.get(statement.id, statement.setting.urn);
  if (held && held.statement.signature !== undefined && unsigned(held.statement) === unsigned(statement))
    return held.statement;
  return signStatement(statement, signing.key);
}

/**
 * The relay's step (signatures.md 4): a signed statement as this relay passes it on, byte-exact with its
 * own hop appended; relayedAt is when the relay stored it, so every read serves the same hop (with an
 * Ed25519 key, the same bytes). An unsigned statement has nothing to chain to and is passed on unchanged.
 */
export async function passOn(
  signing: SigningOptions | undefined,
  statement: Statement,
  storedAt: string,
): Promise<Statement> {
  // 16 hops is the most a statement may carry (4.4): a seventeenth would make it invalid to the next party.
  if (!signing || statement.signature === undefined || (statement.signature.hops?.length ?? 0) >= 16)
    return statement;
  return addHop(statement, { relay: signing.supplier, relayedAt: storedAt, key: signing.key });
}

/** A stored statement as this server serves it: a relay that signs adds its hop; every other role serves it as stored. */
export function served(
  services: { role: string; signing?: SigningOptions },
  statement: Statement,
  storedAt: string,
): Promise<Statement> | Statement {
  return services.role === 'relay' ? passOn(services.signing, statement, storedAt) : statement;
}
