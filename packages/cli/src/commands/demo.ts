import { ageOn, resolve } from '@reuse-pref/resolver';
import { type EffectivePreference, LatestCatalogue, type Statement } from '@reuse-pref/schema';
import { createValidator } from '@reuse-pref/validator';
import { type Command, parseCommandArgs } from '../command.js';
import { AS_OF, PEOPLE, PUPILS, type Pupil, SCHOOL, STATEMENTS } from '../demo/school.js';
import { renderTable } from '../demo/table.js';

const usage = `Usage: reuse-pref demo

Runs the standard on a small embedded school: validates every statement as a receiver would (accepted or
rejected, with rule ids), then prints each pupil's effective preferences from the accepted statements.`;

function pupilOf(statement: Statement): Pupil | undefined {
  return PUPILS.find((p) => p.subject.localId === statement.subject.localId);
}

function decidedBy(pref: EffectivePreference, byId: Map<string, Statement>): string {
  if (pref.kind === 'none') return 'never blocked (listed for transparency)';
  if (pref.decidedBy === null) return 'nobody asked: default for its kind';
  const s = byId.get(pref.decidedBy);
  const who = s ? (PEOPLE[s.expressedBy.personRef] ?? s.expressedBy.personRef) : pref.decidedBy;
  return `${who}, ${pref.expressedAt?.slice(0, 10) ?? ''}`;
}

const demo: Command = {
  usage,
  async run(args, { stdout }) {
    parseCommandArgs(args, { options: {} });
    const validator = createValidator({ now: AS_OF });
    const accepted: Statement[] = [];
    let out = `${SCHOOL.name} (URN ${SCHOOL.urn}): a demo of the Reuse Preference Standard, as at ${AS_OF}\n\n`;

    out += `1. The school sends ${STATEMENTS.length} statements; the receiver validates each one\n\n`;
    const rows = STATEMENTS.map((s) => {
      const result = validator.validate(s);
      if (result.valid) accepted.push(s);
      const findings = [...result.errors, ...result.queries].map((f) => `${f.severity} ${f.rule}`);
      return [
        result.valid ? 'accepted' : 'REJECTED',
        pupilOf(s)?.name ?? '?',
        `${s.expressedBy.role} ${PEOPLE[s.expressedBy.personRef] ?? s.expressedBy.personRef}`,
        s.expressedAt.slice(0, 10),
        s.channel,
        findings.join(', ') || '-',
      ];
    });
    out += renderTable(['outcome', 'pupil', 'expressed by', 'on', 'channel', 'findings'], rows);
    out += `\n  ${accepted.length} accepted, ${STATEMENTS.length - accepted.length} rejected. `;
    out += 'A rejected statement is stored nowhere and counts for nothing below;\n';
    out += '  a query is accepted but flagged for the school to explain.\n\n';

    out += '2. Effective preferences: what may flow for each purpose, and who decided\n\n';
    out += LatestCatalogue.purposes.map((p) => `  ${p.code}  ${p.title} (${p.kind})\n`).join('');
    const byId = new Map(accepted.map((s) => [s.id, s]));
    for (const pupil of PUPILS) {
      const history = accepted.filter((s) => s.subject.localId === pupil.subject.localId);
      const effective = resolve({ statements: history, subject: pupil.subject, asOf: AS_OF });
      const age = ageOn(pupil.subject.dateOfBirth!, AS_OF);
      out += `\n${pupil.name}, UPN ${pupil.subject.upn}, age ${age}, ${history.length} accepted statement(s)\n`;
      out += `  ${pupil.note}\n`;
      out += renderTable(
        ['purpose', 'shared', 'value', 'stated/default', 'decided by', 'flags'],
        effective.preferences.map((p) => [
          p.purpose,
          p.shared ? 'yes' : 'no',
          p.value ?? '-',
          p.default ? 'default' : 'stated',
          decidedBy(p, byId),
          p.flags.join(', '),
        ]),
      );
    }
    stdout.write(out);
    return 0;
  },
};

export default demo;
