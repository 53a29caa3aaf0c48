import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import type { SignedTreeHead } from '@reuse-pref/schema';
import { fromHex } from './hash.js';

const CONTEXT = Buffer.from('reuse-pref/tree-head/v1\0', 'ascii');

/**
 * The signed bytes: a fixed context string, then tree size and timestamp as big-endian u64, then the root.
 * Binary and fixed-width, like RFC 9162's TreeHeadDataV2, so no JSON canonicalisation stands between a
 * verifier and the signature.
 */
export function treeHeadBytes(head: Pick<SignedTreeHead, 'treeSize' | 'timestamp' | 'rootHash'>): Buffer {
  const numbers = Buffer.alloc(16);
  numbers.writeBigUInt64BE(BigInt(head.treeSize), 0);
  numbers.writeBigUInt64BE(BigInt(head.timestamp), 8);
  return Buffer.concat([CONTEXT, numbers, fromHex(head.rootHash)]);
}

export type KeyInput = KeyObject | string | Buffer;

const asPrivate = (key: KeyInput) => (key instanceof KeyObject ? key : createPrivateKey(key));
const asPublic = (key: KeyInput) => (key instanceof KeyObject ? key : createPublicKey(key));

export function signTreeHead(
  head: Pick<SignedTreeHead, 'treeSize' | 'timestamp' | 'rootHash'>,
  privateKey: KeyInput,
): SignedTreeHead {
  const signature = sign(null, treeHeadBytes(head), asPrivate(privateKey)).toString('base64');
  return { treeSize: head.treeSize, rootHash: head.rootHash, timestamp: head.timestamp, signature };
}

/** True only for an Ed25519 signature by `publicKey` over exactly this size, root and time. */
export function verifyTreeHead(head: SignedTreeHead, publicKey: KeyInput): boolean {
  try {
    const key = asPublic(publicKey);
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, treeHeadBytes(head), key, Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

/** A fresh Ed25519 key pair as PEM (PKCS#8 private, SPKI public), for a new log. */
export function generateLogKeyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
