import { readFileSync } from 'node:fs';
import type { Statement, TrustList } from '@reuse-pref/schema';
import { describe, expect, it } from 'vitest';
import {
  addHop,
  generateSigningKey,
  jwks,
  keyDirectory,
  type SignatureAlgorithm,
  signStatement,
  trustInMemory,
  verifyChain,
} from '../src/index.js';

const example = JSON.parse(
  readFileSync(new URL('../../../spec/v1/examples/statement.json', import.meta.url), 'utf8'),
) as Statement;

async function setup(alg: SignatureAlgorithm) {
  const mis = await generateSigningKey(alg, 'mis-1');
  const relay = await generateSigningKey(alg, 'relay-1');
  const { keys } = trustInMemory([
    { supplier: 'SUP-EXAMPLE', roles: ['producer'], keys: [mis.publicJwk] },
    { supplier: 'INT-RELAY', roles: ['relay'], keys: [relay.publicJwk] },
  ]);
  const signed = await signStatement(example, mis.signingKey);
  const relayed = await addHop(signed, {
    relay: 'INT-RELAY',
    relayedAt: '2026-09-05T00:00:00Z',
    key: relay.signingKey,
  });
  return { keys, signed, relayed };
}

describe.each(['EdDSA', 'ES256'] as const)('%s chain', (alg) => {
  it('signs, relays and verifies, naming each signer', async () => {
    const { keys, relayed } = await setup(alg);
    expect(await verifyChain(relayed, keys)).toEqual({
      verified: true,
      signed: true,
      producer: { supplier: 'SUP-EXAMPLE', kid: 'mis-1', signedAt: example.recordedAt },
      hops: [{ supplier: 'INT-RELAY', kid: 'relay-1', signedAt: '2026-09-05T00:00:00Z' }],
      failures: [],
    });
  });

  it('the header names the algorithm and kid and nothing else', async () => {
    const { signed } = await setup(alg);
    const head = JSON.parse(Buffer.from(signed.signature!.jws.split('.')[0]!, 'base64url').toString());
    expect(head).toEqual({ alg, kid: 'mis-1' });
  });

  it('any change to any field of the statement breaks the producer signature, and only it', async () => {
    const { keys, relayed } = await setup(alg);
    const changes: [string, (s: Statement) => Statement][] = [
      ['id', (s) => ({ ...s, id: '5b0e6c1e-3f6a-4d8e-9a51-2f4c8d7e1a02' })],
      ['specVersion', (s) => ({ ...s, specVersion: '1.0.1' })],
      ['catalogueVersion', (s) => ({ ...s, catalogueVersion: '2' })],
      ['subject.upn', (s) => ({ ...s, subject: { ...s.subject, upn: 'A801200005001' } })],
      ['subject.dateOfBirth', (s) => ({ ...s, subject: { ...s.subject, dateOfBirth: '2015-03-15' } })],
      ['setting.urn', (s) => ({ ...s, setting: { ...s.setting, urn: '100001' } })],
      ['expressedBy.role', (s) => ({ ...s, expressedBy: { ...s.expressedBy, role: 'PUP' } })],
      ['expressedBy.personRef', (s) => ({ ...s, expressedBy: { ...s.expressedBy, personRef: 'C-2232' } })],
      ['competenceBasis removed', ({ competenceBasis: _c, ...s }) => s as Statement],
      ['expressedAt', (s) => ({ ...s, expressedAt: '2026-09-03T08:15:01Z' })],
      ['recordedBy.system', (s) => ({ ...s, recordedBy: { ...s.recordedBy, system: 'Other MIS' } })],
      ['channel', (s) => ({ ...s, channel: 'ONLN' })],
      ['notice.version', (s) => ({ ...s, notice: { ...s.notice, version: '2026.2' } })],
      [
        'a choice value',
        (s) => ({ ...s, choices: s.choices.map((c, i) => (i === 0 ? { ...c, value: 'OBJT' } : c)) }),
      ],
      [
        'grounds text',
        (s) => ({
          ...s,
          choices: s.choices.map((c, i) => (i === 2 ? { ...c, grounds: `${c.grounds} ` } : c)),
        }),
      ],
      ['a choice dropped', (s) => ({ ...s, choices: s.choices.slice(1) })],
      ['choices re-ordered', (s) => ({ ...s, choices: [...s.choices].reverse() })],
    ];
    for (const [field, change] of changes) {
      const verdict = await verifyChain(change(relayed), keys);
      expect(
        verdict.failures.map((f) => [f.rule, f.at]),
        field,
      ).toEqual([['signature-invalid', '/signature/jws']]);
    }
  });

  it('member order and whitespace do not matter: the signature covers canonical JSON', async () => {
    const { keys, relayed } = await setup(alg);
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(relayed).reverse()), null, 2),
    );
    expect((await verifyChain(reordered, keys)).verified).toBe(true);
  });

  it('recordedAt moved after signing is caught (it is both signed and the signing time)', async () => {
    const { keys, relayed } = await setup(alg);
    const verdict = await verifyChain({ ...relayed, recordedAt: '2026-09-04T10:02:12Z' }, keys);
    expect(verdict.failures.map((f) => f.rule)).toEqual(['signature-invalid']);
  });

  it('re-signing replaces the old signature and hops', async () => {
    const { keys, relayed } = await setup(alg);
    const mis = await generateSigningKey(alg, 'mis-1');
    const again = await signStatement(relayed, mis.signingKey);
    expect(again.signature?.hops).toBeUndefined();
    expect((await verifyChain(again, keys)).failures.map((f) => f.rule)).toEqual(['signature-invalid']);
  });
});

describe('verifyChain on input that is not a chain', () => {
  it('never throws: every shape becomes a rule', async () => {
    const { keys, signed } = await setup('EdDSA');
    const shapes: [unknown, string, string][] = [
      [null, 'signature-malformed', '/signature'],
      ['abc', 'signature-malformed', '/signature'],
      [{ jws: 7 }, 'signature-malformed', '/signature'],
      [{ jws: signed.signature!.jws, hops: {} }, 'signature-malformed', '/signature'],
      [{ jws: 'a.b.c' }, 'signature-malformed', '/signature/jws'],
      [{ jws: '!!..!!' }, 'signature-malformed', '/signature/jws'],
      [{ jws: `${Buffer.from('[]').toString('base64url')}..AAAA` }, 'signature-malformed', '/signature/jws'],
      [{ jws: signed.signature!.jws, hops: [null] }, 'signature-malformed', '/signature/hops/0'],
      [
        {
          jws: signed.signature!.jws,
          hops: [{ relay: 'INT-RELAY', relayedAt: '2026-09-05T00:00:00Z', jws: 'x' }],
        },
        'signature-malformed',
        '/signature/hops/0/jws',
      ],
    ];
    for (const [signature, rule, at] of shapes) {
      const verdict = await verifyChain({ ...signed, signature } as unknown as Statement, keys);
      expect(verdict.verified).toBe(false);
      expect(
        verdict.failures.map((f) => [f.rule, f.at]),
        JSON.stringify(signature),
      ).toEqual([[rule, at]]);
    }
  });

  it('addHop refuses an unsigned statement', async () => {
    const relay = await generateSigningKey('EdDSA', 'r');
    await expect(addHop(example, { relay: 'INT-RELAY', key: relay.signingKey })).rejects.toThrow(
      /not signed/,
    );
  });

  it('a JWKS that cannot be loaded is signature-key-unknown, and is tried again next time', async () => {
    const mis = await generateSigningKey('EdDSA', 'mis-1');
    const list: TrustList = {
      issuer: 'DFE',
      issuedAt: '2026-01-01T00:00:00Z',
      nextUpdate: '2027-01-01T00:00:00Z',
      entries: [
        {
          supplier: 'SUP-EXAMPLE',
          roles: ['producer'],
          jwksUri: 'https://mis.example/jwks',
          validFrom: '2026-01-01T00:00:00Z',
        },
      ],
    };
    let calls = 0;
    const keys = keyDirectory(list, () => {
      calls++;
      if (calls === 1) throw new Error('connection refused');
      return jwks([mis.publicJwk]);
    });
    const signed = await signStatement(example, mis.signingKey);
    const first = await verifyChain(signed, keys);
    expect(first.failures.map((f) => f.rule)).toEqual(['signature-key-unknown']);
    expect(first.failures[0]!.message).toMatch(/connection refused/);
    expect((await verifyChain(signed, keys)).verified).toBe(true);
  });
});

describe('the resolver never looks at a signature', () => {
  it('gives the same effective preferences for a history signed, relayed, tampered or unsigned', async () => {
    const { relayed } = await setup('EdDSA');
    const { resolve } = await import('@reuse-pref/resolver');
    const asOf = '2026-11-01T00:00:00Z';
    const unsigned = resolve({ statements: [example], asOf });
    const broken = { ...relayed, signature: { jws: 'e30..AA' } } as Statement;
    for (const s of [relayed, broken]) expect(resolve({ statements: [s], asOf })).toEqual(unsigned);
  });
});
