import { loadContract } from './contract/document.js';
import { loadScenarios, Profiles } from './scenarios/load.js';
import { loadVectors } from './vectors/load.js';
import { SIGN_TESTS } from './vectors/signature-run.js';

/**
 * Every test id this suite version has in any mode: vectors (harness mode), the HTTP scenarios of every
 * profile, the contract checks and the contract fuzz. One skip list serves a vendor's whole CI, so an
 * entry for a test another mode runs is not a typo; only an id in none of them is. File checks are named after the files, so they are matched by
 * their prefixes.
 */
export function suiteTestIds(root: string): Set<string> {
  const ids = new Set<string>();
  for (const file of loadVectors(root))
    for (const c of file.cases) for (const t of c.tests) ids.add(`${c.id}/${t.id}`);
  for (const t of SIGN_TESTS) ids.add(t.id);
  for (const profile of Profiles)
    for (const c of loadScenarios(root, profile)) for (const t of c.tests) ids.add(`${c.id}/${t.id}`);
  // The contract checks of every HTTP run and the contract-fuzz profile, named from openapi.yaml.
  const contract = loadContract(root);
  ids.add('contract/unknown-path-or-method');
  ids.add('contract-fuzz/methods');
  ids.add('contract-fuzz/too-large');
  for (const { operationId } of contract.operations) {
    ids.add(`contract/${operationId}`);
    ids.add(`contract-fuzz/${operationId}/valid-requests`);
    ids.add(`contract-fuzz/${operationId}/invalid-requests`);
  }
  return ids;
}

export const FILE_CHECK_PREFIXES = [
  'file-parses/',
  'file-not-empty/',
  'file-records-valid/',
  'file-history/',
  'file-ids-unique/',
  'files-history/',
];
