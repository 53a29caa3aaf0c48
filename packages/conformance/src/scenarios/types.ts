import type { FaultHook } from '../faults/hook.js';
import type { FaultName } from '../faults/vocabulary.js';
import type { Level } from '../report/result.js';

/**
 * Which token a request carries: the main one (default), the other school's, the intake's (a receiver
 * token, which a distributor must not honour for its own operations), or none.
 */
export type TokenChoice = 'main' | 'other' | 'intake' | 'family' | 'none';

export interface ScenarioRequest {
  method: string;
  /** May hold ${…} references: school, laEstab, pupil, otherSchool, <statement>.id, fresh.<name>, captures. */
  path: string;
  headers?: Record<string, string>;
  token?: TokenChoice;
  /**
   * `intake`: send to the intake that feeds a distributor (with the intake token unless `token` says
   * otherwise), which is how a distributor scenario puts statements on file before asking for a release.
   */
  via?: 'intake';
  /**
   * A JSON body; `{"$statement": name, "with": {...}}` anywhere makes a fresh valid statement, and
   * `{"$freshPupils": n, "name": x}` a cohort of n fresh pupils (`${x.0.upn}` names the first).
   */
  json?: unknown;
  /** An NDJSON body, one item per line (a raw string line is sent as is). */
  ndjson?: unknown[];
  /** A raw body, sent as is. */
  raw?: string;
}

export interface ScenarioExpect {
  /** Any of these statuses passes. */
  status: number[];
  contentType?: string;
  /** A published schema name (spec/v1/schemas/<name>.schema.json) the body must satisfy. */
  schema?: string;
  /** Rule ids that must appear (as `rule` anywhere in the body). */
  rules?: string[];
  /** A partial match: objects by subset, arrays by "each expected element matches some element". */
  body?: unknown;
  /** Headers that must be present (value "*") or equal. */
  headers?: Record<string, string>;
  /** The body must equal a captured body, whole, as canonical JSON (RFC 8785). */
  sameBodyAs?: string;
  /**
   * JSON pointer (`""` for the body) -> the value that must be there, whole, compared as canonical JSON
   * (RFC 8785): every member, no more, no fewer. `"${s}"` stands for a statement sent (or anything
   * captured), so a read-back is compared with exactly what was sent, not with a subset of it.
   */
  equals?: Record<string, unknown>;
  /** For `equals`: JSON pointers (`*` for any one segment) of members the server chooses, left out of both sides. */
  except?: string[];
  /** For `equals`: JSON pointers (`*` for any one segment) of arrays whose order the spec leaves open. */
  anyOrder?: string[];
  /** JSON pointer -> exact array length, e.g. `{"/entries": 1}`: "exactly one ledger entry". */
  lengths?: Record<string, number>;
  /**
   * Findings a server may bound (openapi.yaml: it may list only so many per record and per batch, and
   * `findingsOmitted` counts the rest): the lengths of the arrays at `lists` (`*` for any one segment)
   * plus the number at `omitted` (0 when absent) must be `total`, so none is dropped without saying so.
   */
  accounted?: { lists: string; omitted: string; total: number };
  /**
   * What must not be in the body, where the spec says so. JSON pointer -> `null`: no member there at all;
   * -> a partial value: no element of the array there (nor the value itself) matches it as `body` does,
   * e.g. `{"/checks": {"name": "transparency-log"}}`: "no check of that name". Nothing there passes.
   */
  absent?: Record<string, unknown>;
  /**
   * Header name -> tokens its comma-separated list must hold, compared case-insensitively (RFC 9110 5.6.1),
   * e.g. `{"vary": ["accept"]}`: "Vary names Accept", however the server spells or orders it.
   */
  headerTokens?: Record<string, string[]>;
  /** `${name}` of captured register entries (JSON pages walked whole): the body must be their CSV, exactly. */
  registerCsv?: string;
  /** `${name}` of captured register entries: the body must be the register's HTML table of them. */
  registerHtml?: string;
}

export interface PageThrough {
  /**
   * Path of a paged list: a change feed by default (`changes` entries with a `statement`, `nextCursor`,
   * `hasMore`), or any page with `items` and `nextCursor` (null at the end) given `items` and `item`.
   */
  path: string;
  /** JSON pointer of each page's array; default `/changes`. */
  items?: string;
  /** JSON pointer, within one element, of what the ids and `expectItems` are read from; default `/statement`. */
  item?: string;
  limit: number;
  /** Start after this cursor (a ${capture}); omitted: from the beginning. */
  from?: string;
  /** Stop after this many pages, so a server that never ends cannot hang the run. */
  maxPages?: number;
  /** More query parameters for every page, e.g. `shared=true` (may hold ${…}). */
  query?: string;
  /** A published schema every page must satisfy. */
  schema?: string;
  /** No id (read at `item`) may appear twice across the pages. */
  distinct?: boolean;
  /** The list must end (a null nextCursor, or hasMore false) within maxPages. */
  ends?: boolean;
  /** At least this many elements across the pages. */
  minItems?: number;
}

/**
 * For pageThrough: the elements seen (their `item` part), in order, must equal whole as canonical JSON
 * (RFC 8785) a list captured before (capture "items"), narrowed to the elements whose value at each JSON
 * pointer of `where` is that value: "this filtered walk returns exactly the matching entries, in order".
 */
export interface ExpectSame {
  /** ${name} of a captured list. */
  items: string;
  where?: Record<string, unknown>;
}

/** Verify a statement's chain (signatures.md 7) against captured JWKS. */
export interface VerifySignatureStep {
  /** ${name} of a captured statement. */
  statement: string;
  /** ${name} of a captured JWKS, or "suite": the run's own producer key. */
  producerKeys: string;
  relayKeys?: string;
  expect: { verified: boolean; hops?: number; rules?: string[] };
}

/**
 * Recompute a distributor's transparency log from its served leaves (spec/v1 README 3.6): the leaves up
 * to `head`'s size must hash to its root; with `since`, the first leaves to that head's root too, and the
 * served consistency proof between the two must verify; with `keys`, one of the JWKS's keys signed each.
 */
export interface VerifyLogStep {
  /** ${name} of a captured signed tree head. */
  head: string;
  /** ${name} of an earlier captured signed tree head. */
  since?: string;
  /** ${name} of a captured JWKS (the distributor's /.well-known/jwks.json). */
  keys?: string;
}

/**
 * Check a subject receipt (spec/v1 README 3.6): its salt and entry open to the commitment leaf served at its
 * leafIndex, and its inclusion proof leads from that leaf to its tree head's root; with `keys`, one of the
 * JWKS's keys signed that head.
 */
export interface VerifyReceiptStep {
  /** ${name} of a captured receipt. */
  receipt: string;
  /** ${name} of a captured JWKS. */
  keys?: string;
}

export interface ScenarioStep {
  request?: ScenarioRequest;
  /** Ask the run's fault hook to cause this fault, and wait until it is in force (decision 0042). */
  fault?: FaultName;
  verifySignature?: VerifySignatureStep;
  verifyLog?: VerifyLogStep;
  verifyReceipt?: VerifyReceiptStep;
  expect?: ScenarioExpect;
  /** Follow a change feed to its end. */
  pageThrough?: PageThrough;
  /** For pageThrough: ids that must all appear, in this order, each exactly once. */
  expectIds?: string[];
  /**
   * For pageThrough: values (`${s}`: a statement sent) that must each appear exactly once, in this order,
   * equal whole as canonical JSON (RFC 8785) to the element (its `item` part) holding their id.
   */
  expectItems?: unknown[];
  expectSame?: ExpectSame;
  /**
   * name -> "header:<name>" | "body" | "body:<json pointer>"; pageThrough: "cursor" (the last cursor) or
   * "items" (every element seen, its `item` part, in order).
   */
  capture?: Record<string, string>;
}

export interface ScenarioTest extends ScenarioStep {
  id: string;
  description: string;
  setup?: ScenarioStep[];
  followUp?: ScenarioStep[];
}

export interface ScenarioCase {
  id: string;
  description: string;
  comment?: string;
  section: string;
  level: Level;
  /** Options the run must have been given ("otherSchoolToken", "intake"); otherwise the case is unsupported. */
  requires?: string[];
  tests: ScenarioTest[];
}

export interface ScenarioTarget {
  baseUrl: string;
  token: string;
  otherSchoolToken?: string;
  /**
   * Where statements reach a distributor's records: a receiver intake (`POST /intake/statements`) feeding
   * the same store, and a token for it (receiver scopes for the school). Enables the distributor scenarios.
   */
  intake?: { baseUrl: string; token: string };
  /** The school the main token may touch; the other token must not touch it. */
  school: { urn: string; laEstab: string };
  /** A valid statement to build fixtures from (its id, setting and subject are replaced). */
  template: Record<string, unknown>;
  /** The service signs (a producer its statements, a relay its hops): enables the cases that check it. */
  signs?: boolean;
  /**
   * A producer key the service trusts (a private JWK with kid and alg) for the template's
   * recordedBy.supplierId: every fixture statement is signed with it, and a receiver's
   * require-signature cases run. Without it, statements are signed only where a case asks, with a key
   * made for the run.
   */
  signingKey?: Record<string, unknown>;
  /**
   * With `signingKey`, the policy the receiver's intake runs (signatures.md 8): `require-signature` (the
   * default) runs the cases that need refusals, `verify` the cases that need acceptance with query findings.
   */
  signaturePolicy?: 'require-signature' | 'verify';
  /**
   * A relay's onward-share log for the school already holds decisions the relay recorded before the run
   * (at least two that shared and two that withheld, none added during the run): enables the cases that page and filter a log with
   * entries in it, which a suite client cannot make a relay write.
   */
  onwardShares?: boolean;
  /**
   * Causes faults to the service as its operator could (the store failing or slow, a restart, a log
   * leaf rewritten in the database): enables the cases that require `faults` (decision 0042).
   */
  faults?: FaultHook;
  /**
   * The register documents a distributor offers beside its JSON pages (openapi.yaml listRegister, a MAY):
   * enables the cases that ask for them (`registerCsv`, `registerHtml`).
   */
  registerFormats?: readonly ('csv' | 'html')[];
  /**
   * A family's token the distributor's issuer gave for one test pupil (`subject:read` + `pupil:{upn}`), as a
   * pupil or parent signed in to read their own ledger holds: enables the cases that need it (`familyToken`).
   * The pupil is `${familyPupil}` in scenarios.
   */
  family?: { token: string; pupil: string };
  fetch?: typeof fetch;
}
