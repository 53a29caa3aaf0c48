import type { UploadedRecord } from '@reuse-pref/client';
import { personName, pupilOf, SCHOOL } from '@reuse-pref/example-producer';
import { uploadToReceiver } from '@reuse-pref/example-relay';
import { addHop, type ChainVerdict, verifyChain } from '@reuse-pref/provenance';
import type { Statement } from '@reuse-pref/schema';
import { type Chain, SIGNERS } from './chain.js';
import { renderTable } from './table.js';

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/**
 * Step 4 of the demo: the chain of custody of what DfE holds. One statement's path as DfE verifies it
 * (signed at the MIS, relayed by the integrator), how many of the synced statements verified end to end,
 * and two copies DfE refuses: one the integrator altered and one with its signature stripped.
 */
export async function signaturesSection(chain: Chain, synced: readonly UploadedRecord[]): Promise<string> {
  const held: Statement[] = [];
  for (const r of synced) {
    if (!r.committed || r.outcome.outcome === 'rejected') continue;
    const stored = await chain.receiver.store.statements.get(r.statement.id, SCHOOL.urn);
    if (stored) held.push(stored.statement);
  }
  const verdicts = await Promise.all(held.map((s) => verifyChain(s, chain.trust.keys)));
  const verified = verdicts.filter((v) => v.verified).length;

  // An objection makes the tampering plain: the integrator turns it into "no objection".
  const index = held.findIndex((s) => s.choices.some((c) => c.value === 'OBJT'));
  if (index < 0) throw new Error('demo: DfE holds no statement with an objection to show');
  const shown = held[index]!;
  const verdict = verdicts[index]!;

  let out = '  DfE runs its intake in require-signature: it takes a statement only when its chain verifies\n';
  out += "  against DfE's trust list, with each signer's keys fetched from its /.well-known/jwks.json:\n";
  out += renderTable(
    ['supplier', 'who', 'trusted as', 'JWKS'],
    chain.trust.list.entries.map((e) => [
      e.supplier,
      e.supplier === SIGNERS.mis.supplier ? `${SIGNERS.mis.name} (school MIS)` : SIGNERS.integrator.name,
      e.roles.join(', '),
      e.jwksUri,
    ]),
    '    ',
  );
  out += `\n  ${pupilOf(shown.subject)?.name ?? '(not on roll)'}'s statement of ${shown.expressedAt.slice(0, 10)}`;
  out += ` (${personName(shown.expressedBy.personRef)} ${shown.expressedBy.role}), as DfE holds it:\n`;
  out += renderTable(['', 'supplier', 'key', 'at'], chainRows(verdict), '    ');
  out += `    verified: ${verdict.verified ? 'yes, end to end: exactly what the MIS signed, by the path above' : `NO (${verdict.failures.map((f) => f.rule).join(', ')})`}\n`;
  out += `  Verified end to end: ${verified} of the ${held.length} statements the integrator delivered.\n`;

  const upload = chain.client(chain.receiver.url, 'relay-upload');
  const tampered = await alteredByIntegrator(chain, shown);
  const { signature: _stripped, ...unsigned } = shown;
  out += `\n  Two copies DfE refuses (nothing of either is stored):\n`;
  const refusals: string[][] = [];
  for (const [what, copy] of [
    [`${objections(shown)} objection made NOOB, valid hop on top`, tampered],
    ['signature stripped', unsigned as Statement],
  ] as const) {
    const [record] = await uploadToReceiver(upload, [copy]);
    for (const f of record!.outcome.findings.filter((x) => x.severity === 'error'))
      refusals.push([what, record!.outcome.outcome, f.rule, f.pointer ?? '-']);
  }
  out += renderTable(['copy', 'outcome', 'rule', 'at'], refusals, '    ');
  return out;
}

const objections = (s: Statement) =>
  s.choices
    .filter((c) => c.value === 'OBJT')
    .map((c) => c.purpose)
    .join('/');

function chainRows(verdict: ChainVerdict): string[][] {
  const rows: string[][] = [];
  if (verdict.producer)
    rows.push([
      'signed by',
      verdict.producer.supplier,
      verdict.producer.kid ?? '-',
      when(verdict.producer.signedAt),
    ]);
  for (const hop of verdict.hops) rows.push(['relayed by', hop.supplier, hop.kid ?? '-', when(hop.signedAt)]);
  return rows;
}

/**
 * What a dishonest integrator would send: the statement as the MIS signed it with one objection turned
 * into "no objection", and its own, perfectly valid, hop on top. The MIS's signature no longer matches.
 */
async function alteredByIntegrator(chain: Chain, statement: Statement): Promise<Statement> {
  const { hops: _hops, ...mis } = statement.signature!;
  const altered: Statement = {
    ...statement,
    choices: statement.choices.map((c) => (c.value === 'OBJT' ? { ...c, value: 'NOOB' } : c)),
    signature: mis,
  };
  return addHop(altered, {
    relay: SIGNERS.integrator.supplier,
    relayedAt: chain.now().toISOString(),
    key: chain.integratorKey,
  });
}
