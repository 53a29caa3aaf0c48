import { type Static, Type } from '@sinclair/typebox';
import { DeliveryMode, LawfulBasis, PurposeCode, ReleaseOutcome } from './codes.js';
import { CalendarDate, DateTime, Uuid } from './common.js';
import {
  DataTier,
  ExemptionRelied,
  PurposeOutcome,
  Recipient,
  ReleaseCounts,
  ReleaseDecisionProperties,
} from './distribution.js';
import { ReleaseSignatures } from './signature.js';
import { Subject } from './statement.js';

const Sha256Hex = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256, lowercase hex' });

export const LedgerEntryProperties = {
  releaseId: Uuid,
  dsReference: Type.String({ minLength: 1 }),
  decidedAt: DateTime,
  subject: Subject,
  outcome: ReleaseOutcome,
  recipient: Recipient,
  lawfulBasis: LawfulBasis,
  deliveryMode: DeliveryMode,
  retainUntil: CalendarDate,
  exemption: Type.Optional(ExemptionRelied),
  purposes: Type.Array(PurposeOutcome, { minItems: 1 }),
};

/**
 * A public leaf never carries personal data: a ledger entry appears only as
 * SHA-256(salt || canonical JSON of the entry), and the salt and the entry go to the subject alone.
 */
export const SubjectCommitmentLeaf = Type.Object(
  { type: Type.Literal('subject'), releaseId: Uuid, commitment: Sha256Hex },
  { additionalProperties: false },
);

export const SignedTreeHeadProperties = {
  treeSize: Type.Integer({ minimum: 0 }),
  rootHash: Sha256Hex,
  timestamp: Type.Integer({ minimum: 0, description: 'Milliseconds since the Unix epoch' }),
  signature: Type.String({
    contentEncoding: 'base64',
    description:
      'Ed25519 over: ASCII "reuse-pref/tree-head/v1", one 0x00 byte, tree size and timestamp as big-endian u64, then the 32-byte root hash',
  }),
};

export const InclusionProof = Type.Object(
  {
    leafIndex: Type.Integer({ minimum: 0 }),
    treeSize: Type.Integer({ minimum: 1 }),
    path: Type.Array(Sha256Hex, { description: 'RFC 9162 §2.1.3 inclusion path, leaf to root' }),
  },
  { additionalProperties: false },
);

export const RegisterEntryProperties = {
  releaseId: Uuid,
  dsReference: Type.String({ minLength: 1 }),
  decidedAt: DateTime,
  recipientName: Type.String({ minLength: 1 }),
  recipientClass: Recipient.properties.class,
  purposes: Type.Array(PurposeCode, { minItems: 1 }),
  lawfulBasis: LawfulBasis,
  dataTiers: Type.Array(DataTier, { minItems: 1 }),
  deliveryMode: DeliveryMode,
  retainUntil: CalendarDate,
  counts: ReleaseCounts,
  exemption: Type.Union([ExemptionRelied, Type.Null()]),
  decisionMaker: Type.String({ minLength: 1 }),
  logIndex: Type.Integer({ minimum: 0, description: 'Index of the release decision leaf in the log' }),
  signatures: Type.Optional(ReleaseSignatures),
};

/** A release decision is public as it stands: it names no subject. */
export const ReleaseDecisionLeaf = Type.Object(
  {
    type: Type.Literal('release'),
    decision: Type.Object(ReleaseDecisionProperties, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const LogLeaf = Type.Union([ReleaseDecisionLeaf, SubjectCommitmentLeaf], {
  description: 'One line of the public log file: canonical JSON (RFC 8785) of one leaf',
});

export type ReleaseDecisionLeaf = Static<typeof ReleaseDecisionLeaf>;
export type LogLeaf = Static<typeof LogLeaf>;
export type SubjectCommitmentLeaf = Static<typeof SubjectCommitmentLeaf>;
export type InclusionProof = Static<typeof InclusionProof>;
