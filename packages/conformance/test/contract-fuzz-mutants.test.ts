// The contract fuzz finds what it is for: a server (the reference producer, behind a fetch that breaks
// it in two known ways) that answers 500 to a bad request and forgets a required header is failed on
// exactly those operations, each with the curl command that repeats the failure.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadContract } from '../src/contract/document.js';
import { runContractFuzz } from '../src/fuzz/run.js';
import { suiteRoot } from '../src/suite-root.js';
import { type ReferenceServer, SCHOOL, startReferenceServer } from './reference-servers.js';

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer('producer', 'sqlite');
}, 60_000);
afterAll(() => server.close());

/** The mutants: any refusal of a preferences read (but 404) becomes a bare 500; a stored statement's 201 loses Location. */
const broken: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  const url = new URL(String(input));
  if (
    init?.method === 'GET' &&
    /\/preferences$/.test(url.pathname) &&
    res.status >= 400 &&
    res.status < 500 &&
    res.status !== 404
  ) {
    return new Response(JSON.stringify({ title: 'boom' }), {
      status: 500,
      headers: { 'content-type': 'application/problem+json' },
    });
  }
  if (init?.method === 'POST' && /^\/schools\/\d+\/statements$/.test(url.pathname) && res.status === 201) {
    const headers = new Headers(res.headers);
    headers.delete('location');
    return new Response(await res.text(), { status: 201, headers });
  }
  return res;
};

it('fails the broken operations, with a curl command for each, and nothing else', async () => {
  const { results, stats } = await runContractFuzz(
    loadContract(suiteRoot()),
    { baseUrl: server.url, token: server.token, otherSchoolToken: server.otherSchoolToken, fetch: broken },
    // Asks for more than it checks below: an operation with nothing to break (no parameter, no body, no
    // token, such as getSigningKeys) runs no invalid requests, so fewer cases run than asked for.
    { seed: 7, cases: 140, school: SCHOOL },
  );
  const failed = results.filter((r) => r.status === 'fail');
  expect(failed.map((r) => r.id).sort()).toEqual([
    'contract-fuzz/getPupilPreferences/invalid-requests',
    'contract-fuzz/submitStatement/valid-requests',
    // The 500's body is no problem document, so the contract check fails the operation as well.
    'contract/getPupilPreferences',
    'contract/submitStatement',
  ]);
  const byId = new Map(failed.map((r) => [r.id, r.message ?? '']));
  expect(byId.get('contract-fuzz/getPupilPreferences/invalid-requests')).toMatch(
    /server error: 500[\s\S]*curl -sS -i -X GET '[^']*\/preferences/,
  );
  expect(byId.get('contract-fuzz/submitStatement/valid-requests')).toMatch(
    /required header location is missing[\s\S]*curl -sS -i -X POST '[^']*\/schools\/100000\/statements'/,
  );
  expect(byId.get('contract/submitStatement')).toContain('/responses/201/headers/location');
  expect(stats.cases).toBeGreaterThanOrEqual(120);
}, 300_000);
