import { type Static, Type } from '@sinclair/typebox';
import { envelope } from './ref.js';

const Sha256Hex = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, lowercase hex' });

/**
 * Leaves of the public transparency log, in order, each exactly as it was hashed: the leaf hash is
 * SHA-256(0x00 || the UTF-8 bytes of the string). With them an auditor recomputes any tree head.
 */
export const LogLeaves = Type.Object(
  {
    start: Type.Integer({ minimum: 0, description: 'Index of the first leaf listed' }),
    treeSize: Type.Integer({
      minimum: 0,
      description: 'Size of the latest signed tree head; no leaf at or beyond it is listed',
    }),
    leaves: Type.Array(
      Type.String({
        minLength: 2,
        description: 'One leaf: its canonical JSON (RFC 8785), the line a log file holds',
      }),
    ),
  },
  envelope('log-leaves', 'Leaves of the transparency log from `start`, in order'),
);

/** RFC 9162 §2.1.4: the proof that the tree of `first` leaves is a prefix of the tree of `second`. */
export const ConsistencyProof = Type.Object(
  {
    first: Type.Integer({ minimum: 0 }),
    second: Type.Integer({ minimum: 0 }),
    path: Type.Array(Sha256Hex, { description: 'RFC 9162 §2.1.4.1 PROOF(first, D[second])' }),
  },
  envelope('consistency-proof', 'That one signed tree head extends another'),
);

export type LogLeaves = Static<typeof LogLeaves>;
export type ConsistencyProof = Static<typeof ConsistencyProof>;
