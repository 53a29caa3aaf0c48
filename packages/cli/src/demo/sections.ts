import type { UploadedRecord } from '@reuse-pref/client';
import { AS_OF, PUPILS, personName, pupil, pupilOf, SCHOOL } from '@reuse-pref/example-producer';
import {
  cohortFromIntake,
  IMMIGRATION_REQUEST,
  openDistributor,
  RESEARCH_REQUEST,
} from '@reuse-pref/example-receiver';
import { ageOn, resolve } from '@reuse-pref/resolver';
import { LatestCatalogue, type ReleaseCounts, type Statement } from '@reuse-pref/schema';
import type { StatementStore } from '@reuse-pref/store';
import { APP, type Chain } from './chain.js';
import { renderTable } from './table.js';

const nameOf = (s: Statement) => pupilOf(s.subject)?.name ?? '(not on roll)';
/** The rule id has its own column; the message need not repeat it. */
const plain = (message: string) => message.replace(/ \(rule [a-z0-9-]+\)$/, '');
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '-');

/** What arrived at the intake and what it turned away, record by record where it matters. */
export function intakeSection(synced: readonly UploadedRecord[], bad: readonly UploadedRecord[]): string {
  const accepted = [...synced, ...bad].filter((r) => r.committed && r.outcome.outcome !== 'rejected');
  const rejected = [...synced, ...bad].filter((r) => r.outcome.outcome === 'rejected');
  let out = batchLine('Batch from the relay (every synced statement)', synced);
  const queried = synced.filter((r) => r.committed && r.outcome.findings.some((f) => f.severity === 'query'));
  if (queried.length > 0) {
    out += '\n  Accepted with a query (the school should be ready to explain):\n';
    out += renderTable(
      ['pupil', 'expressed by', 'rule', 'message'],
      queried.flatMap((r) =>
        r.outcome.findings
          .filter((f) => f.severity === 'query')
          .map((f) => [nameOf(r.statement), who(r.statement), f.rule, plain(f.message)]),
      ),
      '    ',
    );
  }
  out += `\n${batchLine('Batch of the 3 records the MIS held back', bad)}`;
  out += '\n  Rejected, and why:\n';
  out += renderTable(
    ['pupil', 'UPN sent', 'rule', 'message'],
    rejected.flatMap((r) =>
      r.outcome.findings
        .filter((f) => f.severity === 'error')
        .map((f) => [nameOf(r.statement), r.statement.subject.upn ?? '-', f.rule, plain(f.message)]),
    ),
    '    ',
  );
  out += `\n  What arrived: ${accepted.length} accepted, ${rejected.length} rejected (a rejected record is stored nowhere).\n`;
  return out;
}

function batchLine(title: string, records: readonly UploadedRecord[]): string {
  const count = (o: string) => records.filter((r) => r.outcome.outcome === o).length;
  const committed = records.length > 0 && records.every((r) => r.committed);
  return (
    `  ${title}: ${records.length} records, ${committed ? 'committed' : 'NOT committed, nothing of it stored'}\n` +
    `    stored ${count('stored')}, duplicate ${count('duplicate')}, rejected ${count('rejected')}, ` +
    `not stored ${count('not-stored')}\n`
  );
}

function who(s: Statement): string {
  return `${personName(s.expressedBy.personRef)} ${s.expressedBy.role}`;
}

const SHOWN = ['Amira Khan', 'Noah Williams', 'Ben Taylor', 'Chloe Evans', 'Theo Ward', 'Isla Hughes'];
const NOTES: Record<string, string> = {
  'Amira Khan': 'CTF transfer; at 14 her own yes to LINK stands against her mother’s later objection',
  'Noah Williams': 'at 13 answered for himself: his RSCH/LINK yes replaces his mother’s old objections',
  'Ben Taylor': 'parents disagree: the mother’s RSXT/IMMI objection and the father’s APPS objection stand',
  'Chloe Evans': 'looked after: the LA decides; her own APPS "no" at 7 is recorded as a query only',
  'Theo Ward': 'refused to answer STAT/RSCH: stated, with the same effect as silence',
  'Isla Hughes': 'form not returned: every purpose at its default ("never asked", not "said no")',
};

/** One row per pupil, one column per purpose: what the resolver says over DfE's copy of the history. */
export async function preferencesSection(store: Pick<StatementStore, 'statements'>): Promise<string> {
  const purposes = LatestCatalogue.purposes.filter((p) => p.kind !== 'none').map((p) => p.code);
  const rows: string[][] = [];
  for (const name of SHOWN) {
    const { subject } = pupil(name);
    const history = (await store.statements.pupilHistory({ upn: subject.upn! })).map((h) => h.statement);
    const effective = resolve({ statements: history, subject, asOf: AS_OF });
    const cell = (code: string) => {
      const p = effective.preferences.find((x) => x.purpose === code)!;
      return `${p.shared ? 'yes' : 'NO'}${p.default ? '*' : ''}`;
    };
    rows.push([
      name,
      String(ageOn(subject.dateOfBirth!, AS_OF)),
      String(history.length),
      ...purposes.map(cell),
    ]);
  }
  let out = renderTable(['pupil', 'age', 'stmts', ...purposes], rows);
  out += '  yes/NO: may data flow for this purpose. *: nobody was asked, the default for its kind applies.\n';
  out += `  EDUC (core education) is never blocked and takes no choice.\n\n`;
  out += SHOWN.map((n) => `  ${n.padEnd(14)} ${NOTES[n]}\n`).join('');
  return out;
}

/** An app asks the relay for every pupil; the relay refuses where APPS says no and records both. */
export async function appsSection(chain: Chain): Promise<string> {
  const token = await appToken(chain);
  const tally = { shared: 0, withheld: 0, notHeld: 0 };
  for (const p of PUPILS) {
    const response = await fetch(
      `${chain.relay.url}/schools/${SCHOOL.urn}/pupils/${p.subject.upn}/app-record`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    await response.arrayBuffer();
    if (response.status === 200) tally.shared += 1;
    else if (response.status === 451) tally.withheld += 1;
    else if (response.status === 404) tally.notHeld += 1;
    else throw new Error(`the relay answered ${response.status} for an app read`);
  }
  let out = `  ${APP.name} asked the integrator for all ${PUPILS.length} pupils: ${tally.shared} shared, `;
  out += `${tally.withheld} withheld, ${tally.notHeld} not held (no statement reached the integrator).\n\n`;
  const admin = chain.client(chain.relay.url, 'relay-admin');
  const { data } = await admin.get('/schools/{urn}/onward-shares', {
    path: { urn: SCHOOL.urn },
    query: { shared: false },
  });
  const byId = new Map<string, Statement>();
  for (const p of PUPILS) {
    if (!p.subject.upn) continue;
    for (const h of await chain.relay.store.statements.pupilHistory({ upn: p.subject.upn }))
      byId.set(h.statement.id, h.statement);
  }
  out += '  Withheld APPS shares (GET /schools/{urn}/onward-shares?shared=false):\n';
  out += renderTable(
    ['pupil', 'app', 'decided by', 'expressed'],
    data.items.map((s) => {
      const decider = s.decidedBy ? byId.get(s.decidedBy) : undefined;
      return [
        pupilOf(s.subject)?.name ?? s.subject.upn ?? '-',
        s.app.name,
        decider ? who(decider) : 'default',
        day(decider?.expressedAt),
      ];
    }),
    '    ',
  );
  return out;
}

async function appToken(chain: Chain): Promise<string> {
  const response = await fetch(chain.auth.tokenUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${APP.id}:homework-hub-secret`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: `relay:read school:${SCHOOL.urn}` }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`the token server answered ${response.status}`);
  return body.access_token;
}

export const IMMIGRATION_COHORT = ['Ben Taylor', 'Yusuf Hassan', 'Jack Thompson'];
/** Whose ledger the demo prints and whose family pages it opens. */
export const LEDGER_PUPIL = 'Ben Taylor';

/** Two requests decided against DfE's copy; the register entry; one pupil's ledger, verified offline. */
export async function distributorSection(
  store: Pick<StatementStore, 'statements'>,
  dir: string,
): Promise<string> {
  const distributor = await openDistributor(dir);
  try {
    const research = await distributor.decide(
      RESEARCH_REQUEST,
      await cohortFromIntake(
        store,
        PUPILS.map((p) => p.subject),
      ),
      '2026-11-01T10:00:00Z',
    );
    const immigration = await distributor.decide(
      IMMIGRATION_REQUEST,
      await cohortFromIntake(
        store,
        IMMIGRATION_COHORT.map((n) => pupil(n).subject),
      ),
      '2026-11-01T10:30:00Z',
    );
    let out = '';
    for (const { decision } of [research, immigration]) {
      const r = decision.request;
      out += `  ${r.dsReference}  ${r.recipient.name} (${r.recipient.class})\n`;
      out += `    purposes ${r.purposes.join(' ')}, ${r.deliveryMode}${r.exemption ? `, exemption ${r.exemption.code}` : ''}: ${countsText(decision.counts)}\n`;
    }
    const entry = immigration.register;
    out += '\n  Public register entry (no personal data):\n';
    out += renderTable(
      ['field', 'value'],
      [
        ['DS reference', entry.dsReference],
        ['recipient', `${entry.recipientName} (${entry.recipientClass})`],
        ['purposes', entry.purposes.join(' ')],
        ['lawful basis', entry.lawfulBasis],
        ['data tiers', entry.dataTiers.map((t) => `${t.identifiability}${t.sensitivity}`).join(' ')],
        ['delivery', entry.deliveryMode],
        ['retain until', entry.retainUntil],
        ['exemption', entry.exemption ? `${entry.exemption.code}: ${entry.exemption.citation}` : 'none'],
        ['decided by', entry.decisionMaker],
        ['counts', countsText(entry.counts)],
        ['log index', String(entry.logIndex)],
      ],
      '    ',
    );

    const treeHead = distributor.signTreeHead(Date.parse('2026-11-01T11:00:00Z'));
    const subject = pupil(LEDGER_PUPIL).subject;
    const receipts = await distributor.ledger(subject, treeHead);
    out += `\n  ${LEDGER_PUPIL}'s ledger (UPN ${subject.upn}): every release that included or excluded him\n`;
    out += renderTable(
      ['DS reference', 'recipient', 'outcome', 'purposes', 'receipt'],
      receipts.map((receipt) => {
        const verified = distributor.verify(receipt);
        const e = receipt.entry;
        return [
          e.dsReference,
          e.recipient.name,
          e.outcome,
          e.purposes
            .map(
              (p) =>
                `${p.purpose} ${p.shared ? 'shared' : 'not shared'}${p.overriddenBy ? ` (overridden by ${p.overriddenBy})` : ''}`,
            )
            .join(', '),
          verified.ok ? 'receipt verified OK' : `FAILED: ${verified.problems.join('; ')}`,
        ];
      }),
      '    ',
    );
    out += `    Receipts checked offline against the signed tree head (size ${treeHead.treeSize}) with the log's public key.\n`;
    return out;
  } finally {
    distributor.close();
  }
}

function countsText(c: ReleaseCounts): string {
  return (
    `${c.total} pupils: ${c.included} included, ${c.excluded} excluded, ${c.overridden} under exemption ` +
    `(${c.decidedByDefault} never asked)`
  );
}
