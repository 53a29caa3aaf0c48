import { describe, expect, it } from 'vitest';
import { loadContract } from '../../src/contract/document.js';
import { ContractObserver } from '../../src/contract/observer.js';
import { suiteRoot } from '../../src/index.js';

// Bug: a contract result counted mismatches as responses ("listStatements: 27 of 3 response(s) break the
// contract"): three list pages whose items each lacked a required member read as 27 broken responses.
describe('a contract result counts the responses that break the contract, then the places', () => {
  it('says 1 of 2 responses, in 2 places, for one page with two broken items', () => {
    const observer = new ContractObserver(loadContract(suiteRoot()));
    const page = (items: unknown[]) => ({
      method: 'GET',
      path: '/schools/100000/statements',
      status: 200,
      headers: new Headers({ 'content-type': 'application/json' }),
      body: JSON.stringify({ items, nextCursor: null }),
    });
    observer.observe(page([]), { by: 'empty page' });
    observer.observe(page([{ id: 'x' }, { id: 'y' }]), { by: 'broken page' });
    const [result] = observer.results('contract');
    expect(result?.status).toBe('fail');
    expect(result?.message).toMatch(
      /^listStatements: 1 of 2 response\(s\) break the contract, in \d+ place\(s\)/,
    );
    expect(Number(/in (\d+) place/.exec(result?.message ?? '')?.[1])).toBeGreaterThanOrEqual(2);
  });
});
