// Generated from spec/v1/openapi.yaml by openapi-typescript; do not edit.
// Regenerate with: pnpm --filter @reuse-pref/contract generate

export interface paths {
    "/.well-known/reuse-preference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Capability statement
         * @description Spec versions, profiles and catalogue versions this server supports. Public and cacheable: its
         *     `Cache-Control` says `public` (with a `max-age` of the server's choosing), so a client or proxy keeps
         *     it rather than asking before every call. `signing.jwksUri` is where this server's JWK Set is
         *     (getSigningKeys); `signaturePolicy` is a receiver's member only.
         */
        get: operations["getCapabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public signing keys (JWKS)
         * @description The public keys this server signs with, as a JWK Set (RFC 7517; spec/v1/signatures.md 5): a
         *     producer's statement signatures, a relay's hop records, a distributor's tree heads. Public. Each key
         *     has `kid`, `alg` and `use` `sig` and never a private member; `validFrom`/`validUntil` bound when it
         *     may sign. During a rotation the old and the new key are both served, and a key stays for as long as
         *     what it signed is held. A server configured with no signing key serves an empty set (and its
         *     capability statement has no `signing`). Cacheable; a verifier that meets an unknown `kid` reloads
         *     it at most once a minute.
         */
        get: operations["getSigningKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service health
         * @description Whether the service can take requests. Public; reports no personal data. Every answer carries
         *     `Cache-Control: no-store`: a health answer is about this moment, and a cache that kept a `pass`
         *     would hide an outage from the load balancer. A distributor's report includes a check named
         *     `transparency-log`: `fail` when its release log no longer extends the last tree head it signed
         *     (`getTreeHead`), so an operator is told before a verifier finds out. The name is that check's
         *     alone: a service that plays no distributor role keeps no release log, and its report has no
         *     check named `transparency-log` (an operator reading one would look for a log that is not there).
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{urn}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        /**
         * List a school's statements
         * @description Every statement held for the school, oldest stored first. Scopes `producer:read` and `school:{urn}`.
         */
        get: operations["listStatements"];
        put?: never;
        /**
         * Submit a statement
         * @description Store one statement as recorded (a form, a portal submission, an import). Statements are facts
         *     ordered by `expressedAt`, so no precondition applies; to change a pupil's preferences as shown
         *     on screen use `recordPupilStatement`. The statement's `setting.urn` must equal `{urn}`.
         *     Resubmitting an identical statement returns `200` with outcome `duplicate`; the same id with
         *     different content is `409`. Scopes `producer:write` and `school:{urn}`.
         */
        post: operations["submitStatement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{urn}/statements/{statementId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
                /**
                 * @description The statement id.
                 * @example 5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01
                 */
                statementId: components["parameters"]["StatementId"];
            };
            cookie?: never;
        };
        /**
         * Fetch one statement
         * @description The statement exactly as stored: the target of the `Location` header of `submitStatement`,
         *     `recordPupilStatement` and `submitIntakeStatement`. Statements never change, so the `ETag` is the
         *     statement id. A statement is read as this school holds it (a transferred statement has a copy at
         *     each school that holds it); one this school does not hold is `404`, as if it did not exist. Scopes
         *     `producer:read` and `school:{urn}`.
         */
        get: operations["getStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{urn}/pupils/{pupil}/statements": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        /**
         * A pupil's statement history
         * @description Every statement for the pupil at this school, in `expressedAt` order (ties by id). Scopes `producer:read` and `school:{urn}`.
         */
        get: operations["listPupilStatements"];
        put?: never;
        /**
         * Change a pupil's current preferences
         * @description Record a new statement for this pupil against the preference set the caller last saw (office
         *     entry, parent portal). `If-Match` carries that set's ETag (from `getPupilPreferences`); for a
         *     pupil with no statement yet (`getPupilPreferences` is `404`), send `If-None-Match: *` instead.
         *     Neither is `428`; a stale ETag (someone recorded a statement since), `If-None-Match: *` for a
         *     pupil who has statements, or `If-Match: *` for one who has none is `412`, with the current ETag,
         *     and nothing is stored. The statement must be about the pupil in the path (`pupil-mismatch`) and
         *     the school in the path (`setting-urn-mismatch`), or it is `422`. The response carries the new
         *     ETag. Resending a statement already held (a retry after a lost response) is `200` with outcome
         *     `duplicate`, whatever the preconditions: nothing changes. Scopes `producer:write` and
         *     `school:{urn}`.
         */
        post: operations["recordPupilStatement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{urn}/pupils/{pupil}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        /**
         * A pupil's effective preferences
         * @description The resolver's result over the pupil's whole history at this school, with a strong ETag that
         *     changes whenever a statement for the pupil is stored. Without `asOf`, `If-None-Match` with the
         *     current ETag is `304` (poll cheaply). A pupil with no statement at this school is `404`. Scopes
         *     `producer:read` and `school:{urn}`.
         */
        get: operations["getPupilPreferences"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{urn}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        /**
         * Change feed
         * @description Statements stored at the school after `cursor` (from the start when absent), in the order this
         *     server stored them. Every entry carries its own cursor: a consumer that persists the cursor of
         *     the last entry it processed resumes with the next one, losing and repeating nothing. An empty
         *     page returns the request cursor as `nextCursor`; poll again later. Scopes `producer:read` and
         *     `school:{urn}`.
         */
        get: operations["getChangeFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{urn}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        /**
         * A school's settings
         * @description Competence age, current privacy notice and census reference date, with a strong ETag. Scopes `producer:read` and `school:{urn}`.
         */
        get: operations["getSchoolSettings"];
        /**
         * Replace a school's settings
         * @description Replace the settings the caller last read, with `If-Match` carrying their ETag; a school's first
         *     settings are created with `If-None-Match: *` (`201`). Neither is `428`; a stale ETag,
         *     `If-None-Match: *` when settings exist or `If-Match: *` when none do is `412`. The body's `urn`
         *     must be the path's (`setting-urn-mismatch`, `422`). Scopes `producer:write` and `school:{urn}`.
         */
        put: operations["updateSchoolSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/schools/{urn}/onward-shares": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        /**
         * What a relay shared onward, and withheld
         * @description Each decision to share a pupil's record with an app or withhold it under the `APPS` purpose, newest
         *     last. Scopes `relay:audit` and `school:{urn}`. The decisions name every pupil the relay was asked
         *     about and every app that asked, so they are for the integrator's own operator (and a school's data
         *     protection officer, for that school): `relay:audit` is never granted to an app. An app learns only
         *     the decision about the pupil it asked for, in the relay's answer to that request.
         */
        get: operations["listOnwardShares"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit an NDJSON batch of statements
         * @description One statement per line (each a `statement.schema.json` document), at least one and at most
         *     `limits.maxBatchRecords` lines (blank lines are skipped; a body with no record is `400`), and at
         *     most `limits.maxBatchBytes` bytes. The batch commits atomically: either every record is stored
         *     (`201`) or none is (`422`, with every record's outcome). A line that is not JSON, or breaks the
         *     rules for JSON bodies, rejects that record with the rule named after the problem type
         *     (`invalid-json`, `nul-character`...). The token needs `receiver:write` and a `school:{urn}` (or
         *     `school:*`) scope for every record's `setting.urn`; a record outside the token's schools is
         *     rejected with rule `school-not-in-scope`. `Idempotency-Key` is required.
         *
         *     A statement is held once per school (validation.md §7, "Copies"): a statement another school holds
         *     (a pupil who moved, whose statements came in the CTF with their ids) is stored as this school's
         *     copy, and is never compared with the other school's; the same id from the same school is a
         *     `duplicate` when identical and `statement-id-conflict` when not.
         */
        post: operations["submitBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The batch id from a batch result. */
                batchId: string;
            };
            cookie?: never;
        };
        /**
         * Fetch a batch result
         * @description The stored result of a committed batch, for a sender that lost the response. Scope `receiver:read`.
         *     A result lists statement ids and findings, which are the sender's business only: it is served to
         *     the client that sent the batch, with a token for the same schools; anyone else gets `404` (or
         *     `403`), as if there were no such batch.
         */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit one statement to the intake
         * @description Validate and store one statement. Errors reject it (`422`, nothing stored); queries are accepted and
         *     returned. Scopes `receiver:write` and `school:{urn}` for the statement's school. A statement is held
         *     once per school, as in `submitBatch`: a transferred copy from the school a pupil moved to is stored
         *     (`201`) beside the old school's.
         */
        post: operations["submitIntakeStatement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Evaluate and record a distribution request
         * @description Evaluate every cohort member's effective preferences against the request's purposes and
         *     exemption, record the decision in the transparency log, and return it. The per-subject outcomes
         *     are at `/releases/{releaseId}/subjects`. `Idempotency-Key` is required: a retried request never
         *     records a second release. Scope `distributor:write`.
         */
        post: operations["evaluateDistribution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/releases/{releaseId}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The release id.
                 * @example 7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11
                 */
                releaseId: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        /**
         * Fetch a release decision
         * @description Scope `distributor:read`.
         */
        get: operations["getRelease"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/releases/{releaseId}/subjects": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The release id.
                 * @example 7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11
                 */
                releaseId: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        /**
         * Per-subject outcomes of a release
         * @description Who is included, excluded or overridden, and why. Personal data; scope `distributor:read`.
         */
        get: operations["listReleaseSubjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public register of releases
         * @description Every recorded release, oldest first. Public; holds no personal data. JSON comes a page at a time.
         *     A server MAY also offer the whole register as one CSV document, one HTML page, or both (cursor and
         *     limit do not apply; the reference server offers both), the forms people download or read; typed
         *     clients use the JSON pages. A server that offers either (decision 0044):
         *
         *     - answers in the type `Accept` prefers among `text/csv`, `text/html` and `application/json` that
         *       it offers: the highest `q` (default 1; media types compared case-insensitively, white space
         *       around `;` allowed, parameters other than `q` ignored), the one named first on equal `q`. A type
         *       given `q=0` is not accepted (RFC 9110 12.4.2). Wildcards (`*\/*`, `text/*`) name no document, so
         *       `Accept: *\/*`, an `Accept` naming none of the three, or none at all, is answered in JSON;
         *     - sends `Vary: Accept` on every answer of this operation, JSON pages included (RFC 9110 12.5.5), so
         *       a cache never hands a spreadsheet's request the JSON page or the other way round;
         *     - serves the CSV and HTML documents exactly as their schemas below say: the same releases as the
         *       JSON pages, oldest first.
         *
         *     A server offering neither answers every request in JSON.
         */
        get: operations["listRegister"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/tree-head": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Latest signed tree head of the transparency log
         * @description Public. The newest tree head the distributor has signed (a new one once the log has grown). A
         *     witness keeps every head it has seen and checks each new one against the last with
         *     `getConsistencyProof` (RFC 9162 §2.1.4): a log that rewrote a leaf cannot produce that proof.
         *     A distributor keeps its last signed head outside the store it signs and MUST NOT sign a head that
         *     is not consistent with it: when the log it reads no longer extends that head, it answers `503`
         *     with problem type `log-inconsistent` (and refuses to record releases) until an operator
         *     investigates. The answer MUST carry `Cache-Control: no-store`, so that no cache on the way hands a
         *     witness an older head than the newest.
         */
        get: operations["getTreeHead"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/log/leaves": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Leaves of the transparency log
         * @description Public. The leaves from `start`, in order, each exactly as hashed (its canonical JSON), up to the
         *     latest signed tree head: an auditor recomputes the root, and checks that no leaf carries personal
         *     data and that each release counts the subject commitments before it. Like RFC 9162's get-entries.
         */
        get: operations["listLogLeaves"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/register/log/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proof that one tree head extends another
         * @description Public. RFC 9162 §2.1.4 consistency proof from the tree of `first` leaves to the tree of `second`
         *     leaves (at most the latest signed tree head's size). A witness holding a head of size `first` and
         *     a newer one of size `second` verifies it against both roots; so does `reuse-pref log verify`
         *     checking an old receipt against the newest head. A proof between two sizes never changes (the log
         *     only grows), so it is cacheable: its `Cache-Control` says `public`.
         */
        get: operations["getConsistencyProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subjects/{pupil}/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        /**
         * A subject's ledger
         * @description Which releases considered this pupil, to whom, with what outcome and why. Scope `subject:read`
         *     with `pupil:{upn}` (or `pupil:{uln}`) naming this pupil (a token issued to the family after
         *     identity checks), or `distributor:read` when answering a subject access request. A family token
         *     naming another pupil gets `403`, whether or not that pupil has a ledger. A pupil no
         *     release has considered gets `200` with no entries, never `404`: the answer must not tell anyone
         *     whether the distributor holds data about a pupil. Ledgers are kept by UPN or ULN (a cohort names
         *     pupils by nothing else), so a `local:` pupil gets `404` here and at recipients-to-notify.
         */
        get: operations["getSubjectLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subjects/{pupil}/ledger/{releaseId}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
                /**
                 * @description The release id.
                 * @example 7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11
                 */
                releaseId: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        /**
         * Proof that the public log commits to a ledger entry
         * @description The ledger entry, its salt and an inclusion proof against a signed tree head. Same scopes as the ledger.
         */
        get: operations["getSubjectReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subjects/{pupil}/recipients-to-notify": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        /**
         * Recipients to tell about a later objection (Art 19)
         * @description When a pupil objects to a purpose (or withdraws consent) after releases that sent their record
         *     for it, UK GDPR Art 19 says each recipient must be told. This lists every earlier release that
         *     included the pupil (`INCL` or `OVRD`) for any of `purposes` and was decided before `objectionAt`
         *     (usually the objecting statement's `expressedAt`), oldest first: the recipient, the release, the
         *     purposes concerned and whether an exemption covered them. Releases that excluded the pupil sent
         *     nothing and are not listed. Same scopes as the ledger: the family may ask who was told.
         */
        get: operations["listRecipientsToNotify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Statement: components["schemas"]["statement.schema"];
        ProblemDetails: components["schemas"]["problem-details.schema"];
        StatementPage: components["schemas"]["statement-page.schema"];
        ChangeFeedPage: components["schemas"]["change-feed-page.schema"];
        StatementReceipt: components["schemas"]["statement-receipt.schema"];
        PupilPreferences: components["schemas"]["pupil-preferences.schema"];
        SchoolSettings: components["schemas"]["school-settings.schema"];
        OnwardSharePage: components["schemas"]["onward-share-page.schema"];
        BatchResult: components["schemas"]["batch-result.schema"];
        BatchProblem: components["schemas"]["batch-problem.schema"];
        DistributionEvaluation: components["schemas"]["distribution-evaluation.schema"];
        ReleaseDecision: components["schemas"]["release-decision.schema"];
        ReleaseSubjectPage: components["schemas"]["release-subject-page.schema"];
        RegisterPage: components["schemas"]["register-page.schema"];
        SignedTreeHead: components["schemas"]["signed-tree-head.schema"];
        LogLeaves: components["schemas"]["log-leaves.schema"];
        ConsistencyProof: components["schemas"]["consistency-proof.schema"];
        SubjectLedger: components["schemas"]["subject-ledger.schema"];
        RecipientsToNotify: components["schemas"]["recipients-to-notify.schema"];
        SubjectReceipt: components["schemas"]["subject-receipt.schema"];
        CapabilityStatement: components["schemas"]["capability-statement.schema"];
        Jwks: components["schemas"]["jwks.schema"];
        Health: components["schemas"]["health.schema"];
        HealthProblem: components["schemas"]["health-problem.schema"];
        /** What a server supports: /.well-known/reuse-preference */
        "capability-statement.schema": {
            specVersions: string[];
            profiles: ("producer" | "relay" | "receiver" | "distributor" | "subject-view")[];
            catalogueVersions: string[];
            /**
             * Format: uri
             * @description OAuth2 client-credentials token URL
             */
            tokenEndpoint: string;
            /** @description Default competence age */
            competenceAge: number;
            limits: {
                maxBatchRecords: number;
                maxBatchBytes: number;
                maxPageSize: number;
            };
            software: {
                name: string;
                version: string;
            };
            /** @description This server signs (spec/v1/signatures.md 5) */
            signing?: {
                /** @description The supplier id it signs statements or hops as, as the trust list names it */
                supplier?: string;
                /** @description statements: the producer's JWS on each statement it records; hops: a relay's hop record on each statement it passes on; tree-heads: the distributor's signed tree heads */
                signs: ("statements" | "hops" | "tree-heads")[];
                /**
                 * Format: uri-reference
                 * @description Where its public keys are (RFC 7517): /.well-known/jwks.json on this server
                 */
                jwksUri: string;
            };
            /** @description Receiver: what its intake does with statement signatures (spec/v1/signatures.md 8) */
            signaturePolicy?: "require-signature" | "verify" | "off";
        };
        /** RFC 9457 problem details with validation findings */
        "problem-details.schema": {
            /**
             * Format: uri-reference
             * @default about:blank
             */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** Format: uri-reference */
            instance?: string;
            errors?: {
                /** @description Stable validation rule id */
                rule: string;
                /**
                 * @description See codelists/severities.json
                 * @enum {string}
                 */
                severity: "error" | "query";
                /** @description RFC 6901 JSON pointer to the field, "" for the whole record */
                pointer: string;
                /** @description Names the field and the rule */
                message: string;
            }[];
            /** @description Findings left out of `errors` (or, for a rejected batch, of the records' findings) because a server lists at most so many per record and per batch; present only when some were left out */
            findingsOmitted?: number;
        } & {
            [key: string]: unknown;
        };
        /** A signer's public keys: /.well-known/jwks.json (RFC 7517) */
        "jwks.schema": {
            /** @description Every key whose signatures are still held: during rotation, the old and the new */
            keys: {
                kty: "OKP" | "EC";
                crv: "Ed25519" | "P-256";
                x: string;
                y?: string;
                kid: string;
                alg?: "EdDSA" | "ES256";
                /** @constant */
                use?: "sig";
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                validFrom?: string;
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                validUntil?: string;
            }[];
        };
        /** Service health (a failing check never includes personal data) */
        "health.schema": {
            status: "pass" | "warn" | "fail";
            version: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            checkedAt: string;
            checks?: {
                name: string;
                status: "pass" | "warn" | "fail";
                detail?: string;
            }[];
        };
        /** Problem details for a failing service, with its health report */
        "health-problem.schema": components["schemas"]["problem-details.schema"] & {
            health: components["schemas"]["health.schema"];
        };
        /** Statement: one submission of reuse preferences, immutable */
        "statement.schema": {
            /**
             * Format: uuid
             * @description RFC 9562 UUID, lower or upper case
             */
            id: string;
            /** @description Semver of the spec */
            specVersion: string;
            /** @description Purpose catalogue version */
            catalogueVersion: string;
            /** @description The pupil: at least one of upn, uln, localId; dateOfBirth where the holder has it */
            subject: {
                /** @description UPN; the check letter is verified by rule upn-check-letter */
                upn?: string;
                uln?: string;
                localId?: string;
                /**
                 * Format: date
                 * @description RFC 3339 full-date
                 */
                dateOfBirth?: string;
            } & (unknown | unknown | unknown);
            /** @description The school holding the record */
            setting: {
                /** @description School Unique Reference Number */
                urn: string;
                /** @description LA number (3) + establishment number (4) */
                laEstab: string;
            };
            expressedBy: {
                /**
                 * @description Who expressed it: see codelists/expressed-by.json
                 * @enum {string}
                 */
                role: "PUP" | "PAR" | "CAR" | "CORP" | "REP" | "SCH";
                /** @description The MIS contact id of the person; for PUP, the pupil’s own reference */
                personRef: string;
            };
            /**
             * @description See codelists/competence-basis.json
             * @enum {string}
             */
            competenceBasis?: "ASSD" | "PR12" | "AUTH" | "BINT" | "NA";
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            expressedAt: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            recordedAt: string;
            /** @description The software that recorded the statement */
            recordedBy: {
                supplierId: string;
                system: string;
                systemVersion?: string;
            };
            /**
             * @description See codelists/channels.json
             * @enum {string}
             */
            channel: "PAPR" | "ONLN" | "MISE" | "EMAL" | "VERB" | "APIX" | "CTFI";
            /** @description The privacy notice shown when the choice was made */
            notice: {
                id: string;
                version: string;
                /** @description BCP 47 tag, e.g. en, cy, en-GB */
                language: string;
            };
            choices: {
                /** @description A purpose code from the catalogue */
                purpose: string;
                /**
                 * @description What the person said: see codelists/choice-values.json
                 * @enum {string}
                 */
                value: "OBJT" | "NOOB" | "CONS" | "DECL" | "REFU" | "NOBT";
                /** @description Optional grounds, e.g. for an objection */
                grounds?: string;
            }[];
            /** @description Where an imported (CTFI) statement was first recorded; required exactly when channel is CTFI */
            provenance?: {
                /** @description The school holding the record */
                originalSetting: {
                    /** @description School Unique Reference Number */
                    urn: string;
                    /** @description LA number (3) + establishment number (4) */
                    laEstab: string;
                };
                /**
                 * @description See codelists/channels.json
                 * @enum {string}
                 */
                originalChannel: "PAPR" | "ONLN" | "MISE" | "EMAL" | "VERB" | "APIX" | "CTFI";
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                originalRecordedAt: string;
                /** @description The software that recorded the statement */
                originalRecordedBy: {
                    supplierId: string;
                    system: string;
                    systemVersion?: string;
                };
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                transferredAt: string;
            };
            /** @description The producer's signature over the statement (all of it but this member) and each relay's hop record, oldest first */
            signature?: {
                /** @description Detached compact JWS: base64url(protected header) ".." base64url(signature) */
                jws: string;
                hops?: {
                    /** @description Supplier id of the relay, as listed in the trust list */
                    relay: string;
                    /**
                     * Format: date-time
                     * @description RFC 3339 date-time with offset
                     */
                    relayedAt: string;
                    /** @description Detached compact JWS: base64url(protected header) ".." base64url(signature) */
                    jws: string;
                }[];
            };
        };
        /** A page of statements; nextCursor is null on the last page */
        "statement-page.schema": {
            items: components["schemas"]["statement.schema"][];
            nextCursor: string | null;
        };
        /** Acknowledgement of one stored statement */
        "statement-receipt.schema": {
            /**
             * Format: uuid
             * @description RFC 9562 UUID, lower or upper case
             */
            statementId: string;
            /** @description duplicate: the identical statement was already held, nothing changed */
            outcome: "stored" | "duplicate";
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            storedAt: string;
            /** @description Query-severity findings the school must explain */
            queries: {
                /** @description Stable validation rule id */
                rule: string;
                /**
                 * @description See codelists/severities.json
                 * @enum {string}
                 */
                severity: "error" | "query";
                /** @description RFC 6901 JSON pointer to the field, "" for the whole record */
                pointer: string;
                /** @description Names the field and the rule */
                message: string;
            }[];
            /** @description The outcome of verifying a statement signature chain */
            verification?: {
                /** @description verified: the producer signature and every hop verified end to end against the trust list; unsigned: the statement carries no signature; broken: it carries one that does not verify */
                outcome: "verified" | "unsigned" | "broken";
                /** @description broken: the first signature rule that failed (spec/v1/signatures.md 7); otherwise null */
                rule: string | null;
                /** @description The kid in the producer JWS header, when it could be read; null when unsigned */
                signerKid: string | null;
                /** @description Relay hop records the chain carries */
                hops: number;
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                verifiedAt: string;
            };
        };
        /** Effective preferences: what the resolver decided for one subject */
        "effective-preferences.schema": {
            /** @description The pupil: at least one of upn, uln, localId; dateOfBirth where the holder has it */
            subject: {
                /** @description UPN; the check letter is verified by rule upn-check-letter */
                upn?: string;
                uln?: string;
                localId?: string;
                /**
                 * Format: date
                 * @description RFC 3339 full-date
                 */
                dateOfBirth?: string;
            } & (unknown | unknown | unknown);
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            asOf: string;
            /** @description Purpose catalogue version */
            catalogueVersion: string;
            competenceAge: number;
            /** @description One per catalogue purpose, in catalogue order */
            preferences: {
                /** @description A purpose code from the catalogue */
                purpose: string;
                /**
                 * @description See codelists/purpose-kinds.json
                 * @enum {string}
                 */
                kind: "objection" | "research-objection" | "opt-out" | "consent" | "none";
                /** @description Whether data may flow for this purpose */
                shared: boolean;
                /** @description The deciding answer; null when default */
                value: ("OBJT" | "NOOB" | "CONS" | "DECL" | "REFU" | "NOBT") | null;
                /** @description True when no stated answer decided it ("never asked") */
                default: boolean;
                /** @description Id of the deciding statement; null when default */
                decidedBy: string | null;
                decidedByRole: ("PUP" | "PAR" | "CAR" | "CORP" | "REP" | "SCH") | null;
                expressedAt: string | null;
                flags: ("review-due" | "pupil-not-competent" | "statement-id-conflict" | "parents-disagree")[];
            }[];
        };
        /** A pupil's current preference set at one school; its ETag versions it */
        "pupil-preferences.schema": {
            /** @description School Unique Reference Number */
            urn: string;
            /** @description The pupil reference used in the request path */
            pupil: string;
            statementCount: number;
            latestStatementId: string | null;
            effective: components["schemas"]["effective-preferences.schema"];
        };
        /** Change feed page: statements stored at a school since a cursor */
        "change-feed-page.schema": {
            /** @description In the order the server stored them */
            changes: {
                /** @description Opaque cursor issued by the server; persist it and send it back unchanged to resume */
                cursor: string;
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                storedAt: string;
                statement: components["schemas"]["statement.schema"];
            }[];
            /** @description Resume point after the last entry; equals the request cursor when nothing is new */
            nextCursor: string | null;
            /** @description True when more entries are available right now */
            hasMore: boolean;
        };
        /** A school's settings, updated with If-Match */
        "school-settings.schema": {
            /** @description School Unique Reference Number */
            urn: string;
            /** @description LA number (3) + establishment number (4) */
            laEstab: string;
            /** @description Age at which a pupil is presumed competent (12 in England by default) */
            competenceAge: number;
            /** @description The privacy notice shown when the choice was made */
            currentNotice: {
                id: string;
                version: string;
                /** @description BCP 47 tag, e.g. en, cy, en-GB */
                language: string;
            };
            /**
             * Format: date
             * @description RFC 3339 full-date
             */
            censusReferenceDate?: string;
            supplierId?: string;
            /**
             * Format: date-time
             * @description Set by the server; ignored on PUT
             */
            updatedAt?: string;
        };
        /** What a relay shared onward to apps, and what it withheld */
        "onward-share-page.schema": {
            items: {
                /**
                 * Format: uuid
                 * @description RFC 9562 UUID, lower or upper case
                 */
                id: string;
                app: {
                    id: string;
                    name: string;
                };
                /** @description The pupil: at least one of upn, uln, localId; dateOfBirth where the holder has it */
                subject: {
                    /** @description UPN; the check letter is verified by rule upn-check-letter */
                    upn?: string;
                    uln?: string;
                    localId?: string;
                    /**
                     * Format: date
                     * @description RFC 3339 full-date
                     */
                    dateOfBirth?: string;
                } & (unknown | unknown | unknown);
                /** @description false: the pupil’s record was withheld from this app */
                shared: boolean;
                /** @description True when no stated APPS answer decided it */
                default: boolean;
                /** @description Deciding statement id; null when default */
                decidedBy: string | null;
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                decidedAt: string;
            }[];
            nextCursor: string | null;
        };
        /** Outcome of one NDJSON batch, record by record */
        "batch-result.schema": {
            /**
             * Format: uuid
             * @description RFC 9562 UUID, lower or upper case
             */
            batchId: string;
            /** @description All records stored, or none: a batch commits atomically */
            committed: boolean;
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            receivedAt: string;
            counts: {
                records: number;
                stored: number;
                duplicate: number;
                rejected: number;
                notStored: number;
            };
            /** @description One per NDJSON line, in line order */
            outcomes: {
                /** @description 1-based line number in the NDJSON body */
                line: number;
                statementId: string | null;
                /** @description stored / duplicate (identical statement already held) when the batch committed; rejected (this record has errors) or not-stored (valid, but another record failed) when it did not */
                outcome: "stored" | "duplicate" | "rejected" | "not-stored";
                /** @description Errors and queries for this record */
                findings: {
                    /** @description Stable validation rule id */
                    rule: string;
                    /**
                     * @description See codelists/severities.json
                     * @enum {string}
                     */
                    severity: "error" | "query";
                    /** @description RFC 6901 JSON pointer to the field, "" for the whole record */
                    pointer: string;
                    /** @description Names the field and the rule */
                    message: string;
                }[];
                /** @description The outcome of verifying a statement signature chain */
                verification?: {
                    /** @description verified: the producer signature and every hop verified end to end against the trust list; unsigned: the statement carries no signature; broken: it carries one that does not verify */
                    outcome: "verified" | "unsigned" | "broken";
                    /** @description broken: the first signature rule that failed (spec/v1/signatures.md 7); otherwise null */
                    rule: string | null;
                    /** @description The kid in the producer JWS header, when it could be read; null when unsigned */
                    signerKid: string | null;
                    /** @description Relay hop records the chain carries */
                    hops: number;
                    /**
                     * Format: date-time
                     * @description RFC 3339 date-time with offset
                     */
                    verifiedAt: string;
                };
            }[];
        };
        /** Problem details for a rejected batch, with the outcome of every record */
        "batch-problem.schema": components["schemas"]["problem-details.schema"] & {
            batch: components["schemas"]["batch-result.schema"];
        };
        /** Distribution request: one proposed onward release */
        "distribution-request.schema": {
            /** @description DfE data share reference */
            dsReference: string;
            recipient: {
                name: string;
                /**
                 * @description See codelists/recipient-classes.json
                 * @enum {string}
                 */
                class: "ACAD" | "GOVD" | "LAUT" | "CHAR" | "COMM" | "MEDI" | "POLC" | "HOFF";
            };
            purposes: string[];
            /**
             * @description See codelists/lawful-bases.json
             * @enum {string}
             */
            lawfulBasis: "CNST" | "CONT" | "LEGO" | "VITL" | "PUBT" | "LEGI";
            dataTiers: {
                /**
                 * @description See codelists/identifiability-tiers.json
                 * @enum {string}
                 */
                identifiability: "1" | "2" | "3" | "4";
                /**
                 * @description See codelists/sensitivity-tiers.json
                 * @enum {string}
                 */
                sensitivity: "A" | "B" | "C" | "D" | "E";
            }[];
            /**
             * @description See codelists/delivery-modes.json
             * @enum {string}
             */
            deliveryMode: "TRE" | "EXTR";
            /**
             * Format: date
             * @description RFC 3339 full-date
             */
            retainUntil: string;
            /** @description Who the request covers, in words; the cohort file lists them */
            cohort: {
                description: string;
            };
            exemption?: {
                /**
                 * @description See codelists/exemptions.json
                 * @enum {string}
                 */
                code: "S2P2" | "S2P4" | "CORD" | "ANON" | "CMPG" | "PINT";
                /** @description The legal provision relied on */
                citation: string;
            };
            decisionMaker: string;
            reasons: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            requestedAt: string;
        };
        /** A distribution request with its cohort, to evaluate and record */
        "distribution-evaluation.schema": {
            request: components["schemas"]["distribution-request.schema"];
            /** @description Every subject the request would include; each gets an outcome */
            cohort: {
                /** @description UPN; the check letter is verified by rule upn-check-letter */
                upn?: string;
                uln?: string;
            }[];
        };
        /** Release decision: the audited outcome of a distribution request */
        "release-decision.schema": {
            /**
             * Format: uuid
             * @description RFC 9562 UUID, lower or upper case
             */
            releaseId: string;
            dsReference: string;
            request: {
                /** @description DfE data share reference */
                dsReference: string;
                recipient: {
                    name: string;
                    /**
                     * @description See codelists/recipient-classes.json
                     * @enum {string}
                     */
                    class: "ACAD" | "GOVD" | "LAUT" | "CHAR" | "COMM" | "MEDI" | "POLC" | "HOFF";
                };
                purposes: string[];
                /**
                 * @description See codelists/lawful-bases.json
                 * @enum {string}
                 */
                lawfulBasis: "CNST" | "CONT" | "LEGO" | "VITL" | "PUBT" | "LEGI";
                dataTiers: {
                    /**
                     * @description See codelists/identifiability-tiers.json
                     * @enum {string}
                     */
                    identifiability: "1" | "2" | "3" | "4";
                    /**
                     * @description See codelists/sensitivity-tiers.json
                     * @enum {string}
                     */
                    sensitivity: "A" | "B" | "C" | "D" | "E";
                }[];
                /**
                 * @description See codelists/delivery-modes.json
                 * @enum {string}
                 */
                deliveryMode: "TRE" | "EXTR";
                /**
                 * Format: date
                 * @description RFC 3339 full-date
                 */
                retainUntil: string;
                /** @description Who the request covers, in words; the cohort file lists them */
                cohort: {
                    description: string;
                };
                exemption?: {
                    /**
                     * @description See codelists/exemptions.json
                     * @enum {string}
                     */
                    code: "S2P2" | "S2P4" | "CORD" | "ANON" | "CMPG" | "PINT";
                    /** @description The legal provision relied on */
                    citation: string;
                };
                decisionMaker: string;
                reasons: string;
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                requestedAt: string;
            };
            /** @description Purpose catalogue version */
            catalogueVersion: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            decidedAt: string;
            counts: {
                total: number;
                included: number;
                excluded: number;
                overridden: number;
                /** @description Subjects whose outcome a stated answer decided */
                decidedByStatement: number;
                /** @description Subjects never asked: the default decided */
                decidedByDefault: number;
                /** @description Each outcome split by what decided it */
                byOutcome: {
                    INCL: {
                        stated: number;
                        default: number;
                    };
                    EXCL: {
                        stated: number;
                        default: number;
                    };
                    OVRD: {
                        stated: number;
                        default: number;
                    };
                };
            };
            signatures?: {
                /** @description Statements that decided a subject's requested purposes, counted once per cohort member */
                decidingStatements: number;
                /** @description Of those, statements the receiver verified end to end when it stored them */
                verifiedEndToEnd: number;
            };
        };
        /** What one release did with one subject */
        "subject-outcome.schema": {
            /**
             * Format: uuid
             * @description RFC 9562 UUID, lower or upper case
             */
            releaseId: string;
            /**
             * @description See codelists/release-outcomes.json
             * @enum {string}
             */
            outcome: "INCL" | "EXCL" | "OVRD";
            purposes: {
                /** @description A purpose code from the catalogue */
                purpose: string;
                shared: boolean;
                default: boolean;
                decidedBy: string | null;
                /**
                 * @description See codelists/exemptions.json
                 * @enum {string}
                 */
                overriddenBy?: "S2P2" | "S2P4" | "CORD" | "ANON" | "CMPG" | "PINT";
            }[];
        };
        /** Per-subject outcomes of one release (personal data: distributor only) */
        "release-subject-page.schema": {
            items: {
                /** @description A pupil by UPN and/or ULN */
                subject: {
                    /** @description UPN; the check letter is verified by rule upn-check-letter */
                    upn?: string;
                    uln?: string;
                };
                outcome: components["schemas"]["subject-outcome.schema"];
            }[];
            nextCursor: string | null;
        };
        /** Public register entry: one release, no personal data */
        "register-entry.schema": {
            /**
             * Format: uuid
             * @description RFC 9562 UUID, lower or upper case
             */
            releaseId: string;
            dsReference: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            decidedAt: string;
            recipientName: string;
            /**
             * @description See codelists/recipient-classes.json
             * @enum {string}
             */
            recipientClass: "ACAD" | "GOVD" | "LAUT" | "CHAR" | "COMM" | "MEDI" | "POLC" | "HOFF";
            purposes: string[];
            /**
             * @description See codelists/lawful-bases.json
             * @enum {string}
             */
            lawfulBasis: "CNST" | "CONT" | "LEGO" | "VITL" | "PUBT" | "LEGI";
            dataTiers: {
                /**
                 * @description See codelists/identifiability-tiers.json
                 * @enum {string}
                 */
                identifiability: "1" | "2" | "3" | "4";
                /**
                 * @description See codelists/sensitivity-tiers.json
                 * @enum {string}
                 */
                sensitivity: "A" | "B" | "C" | "D" | "E";
            }[];
            /**
             * @description See codelists/delivery-modes.json
             * @enum {string}
             */
            deliveryMode: "TRE" | "EXTR";
            /**
             * Format: date
             * @description RFC 3339 full-date
             */
            retainUntil: string;
            counts: {
                total: number;
                included: number;
                excluded: number;
                overridden: number;
                /** @description Subjects whose outcome a stated answer decided */
                decidedByStatement: number;
                /** @description Subjects never asked: the default decided */
                decidedByDefault: number;
                /** @description Each outcome split by what decided it */
                byOutcome: {
                    INCL: {
                        stated: number;
                        default: number;
                    };
                    EXCL: {
                        stated: number;
                        default: number;
                    };
                    OVRD: {
                        stated: number;
                        default: number;
                    };
                };
            };
            exemption: {
                /**
                 * @description See codelists/exemptions.json
                 * @enum {string}
                 */
                code: "S2P2" | "S2P4" | "CORD" | "ANON" | "CMPG" | "PINT";
                /** @description The legal provision relied on */
                citation: string;
            } | null;
            decisionMaker: string;
            /** @description Index of the release decision leaf in the log */
            logIndex: number;
            signatures?: {
                /** @description Statements that decided a subject's requested purposes, counted once per cohort member */
                decidingStatements: number;
                /** @description Of those, statements the receiver verified end to end when it stored them */
                verifiedEndToEnd: number;
            };
        };
        /** A page of the public release register, oldest first */
        "register-page.schema": {
            items: components["schemas"]["register-entry.schema"][];
            nextCursor: string | null;
        };
        /** Signed tree head of the release transparency log (RFC 9162 style) */
        "signed-tree-head.schema": {
            treeSize: number;
            /** @description SHA-256, lowercase hex */
            rootHash: string;
            /** @description Milliseconds since the Unix epoch */
            timestamp: number;
            /** @description Ed25519 over: ASCII "reuse-pref/tree-head/v1", one 0x00 byte, tree size and timestamp as big-endian u64, then the 32-byte root hash */
            signature: string;
        };
        /** Leaves of the transparency log from `start`, in order */
        "log-leaves.schema": {
            /** @description Index of the first leaf listed */
            start: number;
            /** @description Size of the latest signed tree head; no leaf at or beyond it is listed */
            treeSize: number;
            leaves: string[];
        };
        /** That one signed tree head extends another */
        "consistency-proof.schema": {
            first: number;
            second: number;
            /** @description RFC 9162 §2.1.4.1 PROOF(first, D[second]) */
            path: string[];
        };
        /** Ledger entry: what one release did with one subject, for that subject only */
        "ledger-entry.schema": {
            /**
             * Format: uuid
             * @description RFC 9562 UUID, lower or upper case
             */
            releaseId: string;
            dsReference: string;
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            decidedAt: string;
            /** @description The pupil: at least one of upn, uln, localId; dateOfBirth where the holder has it */
            subject: {
                /** @description UPN; the check letter is verified by rule upn-check-letter */
                upn?: string;
                uln?: string;
                localId?: string;
                /**
                 * Format: date
                 * @description RFC 3339 full-date
                 */
                dateOfBirth?: string;
            } & (unknown | unknown | unknown);
            /**
             * @description See codelists/release-outcomes.json
             * @enum {string}
             */
            outcome: "INCL" | "EXCL" | "OVRD";
            recipient: {
                name: string;
                /**
                 * @description See codelists/recipient-classes.json
                 * @enum {string}
                 */
                class: "ACAD" | "GOVD" | "LAUT" | "CHAR" | "COMM" | "MEDI" | "POLC" | "HOFF";
            };
            /**
             * @description See codelists/lawful-bases.json
             * @enum {string}
             */
            lawfulBasis: "CNST" | "CONT" | "LEGO" | "VITL" | "PUBT" | "LEGI";
            /**
             * @description See codelists/delivery-modes.json
             * @enum {string}
             */
            deliveryMode: "TRE" | "EXTR";
            /**
             * Format: date
             * @description RFC 3339 full-date
             */
            retainUntil: string;
            exemption?: {
                /**
                 * @description See codelists/exemptions.json
                 * @enum {string}
                 */
                code: "S2P2" | "S2P4" | "CORD" | "ANON" | "CMPG" | "PINT";
                /** @description The legal provision relied on */
                citation: string;
            };
            purposes: {
                /** @description A purpose code from the catalogue */
                purpose: string;
                shared: boolean;
                default: boolean;
                decidedBy: string | null;
                /**
                 * @description See codelists/exemptions.json
                 * @enum {string}
                 */
                overriddenBy?: "S2P2" | "S2P4" | "CORD" | "ANON" | "CMPG" | "PINT";
            }[];
        };
        /** Which releases included a subject, to whom and why */
        "subject-ledger.schema": {
            /** @description A pupil by UPN and/or ULN */
            subject: {
                /** @description UPN; the check letter is verified by rule upn-check-letter */
                upn?: string;
                uln?: string;
            };
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            asOf: string;
            /** @description Every release that considered this subject, oldest first */
            entries: components["schemas"]["ledger-entry.schema"][];
            nextCursor: string | null;
        };
        /** Receipt: a ledger entry with the proof that the public log commits to it */
        "subject-receipt.schema": {
            entry: components["schemas"]["ledger-entry.schema"];
            /** @description 32 random bytes, hex; only the subject gets it */
            salt: string;
            proof: {
                leafIndex: number;
                treeSize: number;
                /** @description RFC 9162 §2.1.3 inclusion path, leaf to root */
                path: string[];
            };
            treeHead: components["schemas"]["signed-tree-head.schema"];
        };
        /** Recipients of earlier releases to tell about a later objection (Art 19 UK GDPR) */
        "recipients-to-notify.schema": {
            /** @description A pupil by UPN and/or ULN */
            subject: {
                /** @description UPN; the check letter is verified by rule upn-check-letter */
                upn?: string;
                uln?: string;
            };
            /**
             * Format: date-time
             * @description RFC 3339 date-time with offset
             */
            objectionAt: string;
            /** @description The purposes the objection covers, as asked */
            purposes: string[];
            /** @description Oldest release first */
            recipients: {
                recipient: {
                    name: string;
                    /**
                     * @description See codelists/recipient-classes.json
                     * @enum {string}
                     */
                    class: "ACAD" | "GOVD" | "LAUT" | "CHAR" | "COMM" | "MEDI" | "POLC" | "HOFF";
                };
                /**
                 * Format: uuid
                 * @description RFC 9562 UUID, lower or upper case
                 */
                releaseId: string;
                dsReference: string;
                /**
                 * Format: date-time
                 * @description RFC 3339 date-time with offset
                 */
                decidedAt: string;
                /**
                 * Format: date
                 * @description RFC 3339 full-date
                 */
                retainUntil: string;
                /** @description Purposes of that release the objection covers */
                purposes: string[];
                /** @description The release sent the data under an exemption for at least one of those purposes */
                underExemption: boolean;
            }[];
        };
    };
    responses: {
        /** @description The request is malformed: a parameter or header breaks its schema (`bad-request`), or the body cannot be read (`invalid-utf8`, `invalid-json`, `nul-character`, `forbidden-key`, `too-deep`). */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description No valid access token; obtain a new one and retry once. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description The token lacks the role or school scope for this request. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description No such school, pupil, batch or release here. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description This school already holds a statement with this id and different content (another school's statements are never compared) (or a release with this DS reference and different content); or a request with the same `Idempotency-Key` is still being processed (`idempotency-key-in-use`, retry after `Retry-After` seconds). */
        Conflict: {
            headers: {
                "Retry-After": components["headers"]["RetryAfterWhenInUse"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description The cursor is no longer valid; restart from the beginning. */
        CursorExpired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description The precondition does not hold (`If-Match` stale, or `*` with nothing there; `If-None-Match: *` with something there): re-read, then retry with the current ETag. */
        PreconditionFailed: {
            headers: {
                /** @description The current ETag, when there is a current state. */
                ETag?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description `If-Match` (or `If-None-Match: *` to create) is required for this change. */
        PreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description The body is larger than the server accepts (a batch over `limits.maxBatchRecords` or `limits.maxBatchBytes`); split it. */
        ContentTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description The body is not sent as the operation's media type, in UTF-8. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description The caller's copy is current (`If-None-Match` holds the current ETag); no body. */
        NotModified: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The record fails validation (`errors` lists every finding with its rule id), or an `Idempotency-Key` was reused with a different body. Nothing was stored. */
        UnprocessableContent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description Rate limited; wait `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description An unexpected failure; nothing was committed. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
        /** @description Temporarily unavailable; retry after `Retry-After` seconds. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["problem-details.schema"];
            };
        };
    };
    parameters: {
        /**
         * @description The school's Unique Reference Number.
         * @example 100000
         */
        Urn: string;
        /**
         * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
         *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
         * @example B801200005001
         */
        Pupil: string;
        /**
         * @description The statement id.
         * @example 5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01
         */
        StatementId: string;
        /**
         * @description The release id.
         * @example 7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11
         */
        ReleaseId: string;
        /** @description An opaque cursor this list issued in a previous response; absent to start from the beginning. A cursor the list did not issue is `400`; an expired one `410`. */
        Cursor: string;
        /** @description Maximum entries in the page (the server may return fewer). */
        Limit: number;
        /** @description Unique per logical request (a UUID is ideal), 1 to 255 visible ASCII characters. Same key and body replay the stored response; same key with a different body is `422`. */
        IdempotencyKey: string;
        /** @description Unique per logical request (a UUID is ideal), 1 to 255 visible ASCII characters. Same key and body replay the stored response; same key with a different body is `422`. */
        IdempotencyKeyRequired: string;
        /**
         * @description The ETag of the current state the change is based on (one strong entity tag), or `*` for whatever
         *     state exists. Send this or `If-None-Match: *`: neither is `428`. Stale, or `*` when nothing
         *     exists yet, is `412`.
         */
        IfMatch: string;
        /** @description `*`: create the first state; `412` when one already exists. Only `*` is meaningful on a change. */
        IfNoneMatchCreate: "*";
        /** @description The ETag (or ETags, comma-separated; or `*`) the caller already holds; `304` with no body when the current ETag is among them. */
        IfNoneMatch: string;
    };
    requestBodies: never;
    headers: {
        /** @description Strong entity tag of the current state. */
        ETag: string;
        /** @description URL of the created resource. */
        Location: string;
        /** @description Seconds to wait before retrying. */
        RetryAfter: number;
        /** @description Seconds to wait before retrying; sent with `idempotency-key-in-use`. */
        RetryAfterWhenInUse: number;
        /** @description Bearer challenge (RFC 6750), e.g. `Bearer error="invalid_token"`. */
        WWWAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getCapabilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What this server supports. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["capability-statement.schema"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    getSigningKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server's public signing keys. */
            200: {
                headers: {
                    /** @description How long the set may be cached (`public, max-age=60`). */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["jwks.schema"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Healthy or degraded (`warn`). */
            200: {
                headers: {
                    /** @description `no-store`. */
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["health.schema"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            /** @description Failing. A problem whose `health` member is the health report (`health.schema.json`) with the failing checks. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["health-problem.schema"];
                };
            };
        };
    };
    listStatements: {
        parameters: {
            query?: {
                /** @description An opaque cursor this list issued in a previous response; absent to start from the beginning. A cursor the list did not issue is `400`; an expired one `410`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Maximum entries in the page (the server may return fewer). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of statements. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement-page.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["CursorExpired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitStatement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unique per logical request (a UUID is ideal), 1 to 255 visible ASCII characters. Same key and body replay the stored response; same key with a different body is `422`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["statement.schema"];
            };
        };
        responses: {
            /** @description The identical statement was already held; nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement-receipt.schema"];
                };
            };
            /** @description Stored. Queries, if any, are listed for the school to explain. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement-receipt.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
                /**
                 * @description The statement id.
                 * @example 5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a01
                 */
                statementId: components["parameters"]["StatementId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPupilStatements: {
        parameters: {
            query?: {
                /** @description An opaque cursor this list issued in a previous response; absent to start from the beginning. A cursor the list did not issue is `400`; an expired one `410`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Maximum entries in the page (the server may return fewer). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the pupil's history. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement-page.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["CursorExpired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    recordPupilStatement: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the current state the change is based on (one strong entity tag), or `*` for whatever
                 *     state exists. Send this or `If-None-Match: *`: neither is `428`. Stale, or `*` when nothing
                 *     exists yet, is `412`.
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description `*`: create the first state; `412` when one already exists. Only `*` is meaningful on a change. */
                "If-None-Match"?: components["parameters"]["IfNoneMatchCreate"];
                /** @description Unique per logical request (a UUID is ideal), 1 to 255 visible ASCII characters. Same key and body replay the stored response; same key with a different body is `422`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["statement.schema"];
            };
        };
        responses: {
            /** @description The identical statement was already held; nothing changed. The ETag is the preference set's current one. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement-receipt.schema"];
                };
            };
            /** @description Stored; the pupil's preference set has a new ETag. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement-receipt.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPupilPreferences: {
        parameters: {
            query?: {
                /** @description Evaluation time (RFC 3339 date-time with offset); defaults to now. Anything else is `400`. */
                asOf?: string;
            };
            header?: {
                /** @description The ETag (or ETags, comma-separated; or `*`) the caller already holds; `304` with no body when the current ETag is among them. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
            };
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pupil's current preference set. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["pupil-preferences.schema"];
                };
            };
            304: components["responses"]["NotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChangeFeed: {
        parameters: {
            query?: {
                /** @description An opaque cursor this list issued in a previous response; absent to start from the beginning. A cursor the list did not issue is `400`; an expired one `410`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Maximum entries in the page (the server may return fewer). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entries after the cursor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["change-feed-page.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["CursorExpired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSchoolSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["school-settings.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateSchoolSettings: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The ETag of the current state the change is based on (one strong entity tag), or `*` for whatever
                 *     state exists. Send this or `If-None-Match: *`: neither is `428`. Stale, or `*` when nothing
                 *     exists yet, is `412`.
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
                /** @description `*`: create the first state; `412` when one already exists. Only `*` is meaningful on a change. */
                "If-None-Match"?: components["parameters"]["IfNoneMatchCreate"];
            };
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["school-settings.schema"];
            };
        };
        responses: {
            /** @description Replaced; the response carries the new ETag. */
            200: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["school-settings.schema"];
                };
            };
            /** @description The school's first settings, created (`If-None-Match: *`); the response carries their ETag. */
            201: {
                headers: {
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["school-settings.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            428: components["responses"]["PreconditionRequired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOnwardShares: {
        parameters: {
            query?: {
                /** @description An opaque cursor this list issued in a previous response; absent to start from the beginning. A cursor the list did not issue is `400`; an expired one `410`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Maximum entries in the page (the server may return fewer). */
                limit?: components["parameters"]["Limit"];
                /** @description Only decisions that shared (`true`) or withheld (`false`). */
                shared?: boolean;
            };
            header?: never;
            path: {
                /**
                 * @description The school's Unique Reference Number.
                 * @example 100000
                 */
                urn: components["parameters"]["Urn"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of onward-share decisions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["onward-share-page.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["CursorExpired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitBatch: {
        parameters: {
            query?: never;
            header: {
                /** @description Unique per logical request (a UUID is ideal), 1 to 255 visible ASCII characters. Same key and body replay the stored response; same key with a different body is `422`. */
                "Idempotency-Key": components["parameters"]["IdempotencyKeyRequired"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-ndjson": string;
            };
        };
        responses: {
            /** @description Every record stored (or already held); per-record outcomes follow. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["batch-result.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /**
             * @description Nothing of the batch is stored. Either it was not committed (`batch-rejected`: a `BatchProblem`
             *     whose `batch.outcomes` gives each record's outcome), or the `Idempotency-Key` was used before
             *     with a different body (`idempotency-key-reused`: a plain problem, since nothing was read).
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["batch-problem.schema"] | components["schemas"]["problem-details.schema"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The batch id from a batch result. */
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batch result. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["batch-result.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    submitIntakeStatement: {
        parameters: {
            query?: never;
            header?: {
                /** @description Unique per logical request (a UUID is ideal), 1 to 255 visible ASCII characters. Same key and body replay the stored response; same key with a different body is `422`. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["statement.schema"];
            };
        };
        responses: {
            /** @description The identical statement was already held; nothing changed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement-receipt.schema"];
                };
            };
            /** @description Stored. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["statement-receipt.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    evaluateDistribution: {
        parameters: {
            query?: never;
            header: {
                /** @description Unique per logical request (a UUID is ideal), 1 to 255 visible ASCII characters. Same key and body replay the stored response; same key with a different body is `422`. */
                "Idempotency-Key": components["parameters"]["IdempotencyKeyRequired"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["distribution-evaluation.schema"];
            };
        };
        responses: {
            /** @description This DS reference was already recorded with the same request and cohort; the earlier decision, nothing recorded again. */
            200: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["release-decision.schema"];
                };
            };
            /** @description Decided and recorded. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["release-decision.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRelease: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The release id.
                 * @example 7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11
                 */
                releaseId: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release decision. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["release-decision.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listReleaseSubjects: {
        parameters: {
            query?: {
                /** @description An opaque cursor this list issued in a previous response; absent to start from the beginning. A cursor the list did not issue is `400`; an expired one `410`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Maximum entries in the page (the server may return fewer). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The release id.
                 * @example 7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11
                 */
                releaseId: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of subject outcomes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["release-subject-page.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["CursorExpired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRegister: {
        parameters: {
            query?: {
                /** @description An opaque cursor this list issued in a previous response; absent to start from the beginning. A cursor the list did not issue is `400`; an expired one `410`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Maximum entries in the page (the server may return fewer). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the register (JSON), or the whole register as one CSV or HTML document. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["register-page.schema"];
                    "text/csv": string;
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
            410: components["responses"]["CursorExpired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTreeHead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest signed tree head. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["signed-tree-head.schema"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listLogLeaves: {
        parameters: {
            query?: {
                /** @description Index of the first leaf (default 0). */
                start?: number;
                /** @description Maximum entries in the page (the server may return fewer). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Leaves from `start`; fewer than `limit` at the end of the signed tree. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["log-leaves.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getConsistencyProof: {
        parameters: {
            query: {
                /** @description Size of the older tree. */
                first: number;
                /** @description Size of the newer tree, at most the latest signed tree head's. */
                second: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The proof. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["consistency-proof.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSubjectLedger: {
        parameters: {
            query?: {
                /** @description An opaque cursor this list issued in a previous response; absent to start from the beginning. A cursor the list did not issue is `400`; an expired one `410`. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Maximum entries in the page (the server may return fewer). */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path: {
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subject's ledger. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["subject-ledger.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            410: components["responses"]["CursorExpired"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSubjectReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
                /**
                 * @description The release id.
                 * @example 7d4c2f0a-1b9e-4c55-8a36-0e2f5b7c9d11
                 */
                releaseId: components["parameters"]["ReleaseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["subject-receipt.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listRecipientsToNotify: {
        parameters: {
            query: {
                /**
                 * @description When the objection was expressed (RFC 3339); releases decided at or after it already knew.
                 * @example 2026-11-15T00:00:00Z
                 */
                objectionAt: string;
                /**
                 * @description The purposes the objection covers, comma-separated; every item a purpose code (`STAT,` is `400`).
                 * @example [
                 *       "LINK",
                 *       "RSCH"
                 *     ]
                 */
                purposes: string[];
            };
            header?: never;
            path: {
                /**
                 * @description The pupil: a UPN (13 characters), a ULN (10 digits), or `local:` followed by the MIS local id
                 *     (percent-encoded). Servers match it against `subject.upn`, `subject.uln` or `subject.localId`.
                 * @example B801200005001
                 */
                pupil: components["parameters"]["Pupil"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The releases whose recipients to notify (possibly none). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["recipients-to-notify.schema"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
