import { canonicalJson, type Statement } from '@reuse-pref/schema';

const utf8 = new TextEncoder();

/**
 * What the producer signs: the statement's RFC 8785 canonical JSON with the `signature` member left out,
 * so adding the signature (or a relay's hop) never changes the bytes it covers.
 */
export function statementPayload(statement: Statement): Uint8Array {
  return utf8.encode(statementPayloadText(statement));
}

/** statementPayload as text (what a verifier encodes once, straight to the JWS signing input). */
export function statementPayloadText(statement: Statement): string {
  const { signature: _signature, ...signed } = statement;
  return canonicalJson(signed);
}

/**
 * What a relay signs: the canonical JSON of the signature it received (the producer's, or the previous
 * hop's), its own supplier id and the time it relayed. Chaining on the previous JWS fixes the hops' order.
 */
export function hopPayload(previous: string, relay: string, relayedAt: string): Uint8Array {
  return utf8.encode(hopPayloadText(previous, relay, relayedAt));
}

/** hopPayload as text. */
export function hopPayloadText(previous: string, relay: string, relayedAt: string): string {
  return canonicalJson({ previous, relay, relayedAt });
}
