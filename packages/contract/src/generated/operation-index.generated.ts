// Generated from spec/v1/openapi.yaml by packages/contract/scripts/render.ts; do not edit.
// Regenerate with: pnpm --filter @reuse-pref/contract generate

/**
 * Every operation of the contract by operationId: its method, its path template, and the role scopes
 * that admit it (a token needs any one of them; none means public).
 */
export const operationIndex = {
  getCapabilities: { method: 'get', path: '/.well-known/reuse-preference', scopes: [] },
  getSigningKeys: { method: 'get', path: '/.well-known/jwks.json', scopes: [] },
  getHealth: { method: 'get', path: '/health', scopes: [] },
  listStatements: { method: 'get', path: '/schools/{urn}/statements', scopes: ['producer:read'] },
  submitStatement: { method: 'post', path: '/schools/{urn}/statements', scopes: ['producer:write'] },
  getStatement: { method: 'get', path: '/schools/{urn}/statements/{statementId}', scopes: ['producer:read'] },
  listPupilStatements: { method: 'get', path: '/schools/{urn}/pupils/{pupil}/statements', scopes: ['producer:read'] },
  recordPupilStatement: { method: 'post', path: '/schools/{urn}/pupils/{pupil}/statements', scopes: ['producer:write'] },
  getPupilPreferences: { method: 'get', path: '/schools/{urn}/pupils/{pupil}/preferences', scopes: ['producer:read'] },
  getChangeFeed: { method: 'get', path: '/schools/{urn}/changes', scopes: ['producer:read'] },
  getSchoolSettings: { method: 'get', path: '/schools/{urn}/settings', scopes: ['producer:read'] },
  updateSchoolSettings: { method: 'put', path: '/schools/{urn}/settings', scopes: ['producer:write'] },
  listOnwardShares: { method: 'get', path: '/schools/{urn}/onward-shares', scopes: ['relay:audit'] },
  submitBatch: { method: 'post', path: '/intake/batches', scopes: ['receiver:write'] },
  getBatch: { method: 'get', path: '/intake/batches/{batchId}', scopes: ['receiver:read'] },
  submitIntakeStatement: { method: 'post', path: '/intake/statements', scopes: ['receiver:write'] },
  evaluateDistribution: { method: 'post', path: '/releases', scopes: ['distributor:write'] },
  getRelease: { method: 'get', path: '/releases/{releaseId}', scopes: ['distributor:read'] },
  listReleaseSubjects: { method: 'get', path: '/releases/{releaseId}/subjects', scopes: ['distributor:read'] },
  listRegister: { method: 'get', path: '/register', scopes: [] },
  getTreeHead: { method: 'get', path: '/register/tree-head', scopes: [] },
  listLogLeaves: { method: 'get', path: '/register/log/leaves', scopes: [] },
  getConsistencyProof: { method: 'get', path: '/register/log/consistency', scopes: [] },
  getSubjectLedger: { method: 'get', path: '/subjects/{pupil}/ledger', scopes: ['subject:read', 'distributor:read'] },
  getSubjectReceipt: { method: 'get', path: '/subjects/{pupil}/ledger/{releaseId}/receipt', scopes: ['subject:read', 'distributor:read'] },
  listRecipientsToNotify: { method: 'get', path: '/subjects/{pupil}/recipients-to-notify', scopes: ['subject:read', 'distributor:read'] },
} as const;
