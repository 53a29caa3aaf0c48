import type { RecordedBy, Setting, Statement } from '@reuse-pref/schema';

export type ImportContext = {
  /** The receiving school. */
  into: Setting;
  /** When the receiving MIS stored the statement. */
  recordedAt: string;
  /** The receiving MIS. */
  recordedBy: RecordedBy;
  /** When the transfer happened: the CTF's own DateTime. */
  transferredAt: string;
};

/**
 * The statement as the receiving school stores it (docs/decisions/0010): the same id and every
 * decision-relevant field, channel CTFI, the receiving school as setting, and provenance saying where it
 * was first recorded. A statement that already moved once keeps its first origin, so provenance always
 * points at the school where the family actually spoke; transferredAt is the latest move.
 */
export function importStatement(statement: Statement, ctx: ImportContext): Statement {
  const origin = statement.provenance ?? {
    originalSetting: statement.setting,
    originalChannel: statement.channel,
    originalRecordedAt: statement.recordedAt,
    originalRecordedBy: statement.recordedBy,
  };
  return {
    id: statement.id,
    specVersion: statement.specVersion,
    catalogueVersion: statement.catalogueVersion,
    subject: statement.subject,
    setting: ctx.into,
    expressedBy: statement.expressedBy,
    ...(statement.competenceBasis === undefined ? {} : { competenceBasis: statement.competenceBasis }),
    expressedAt: statement.expressedAt,
    recordedAt: ctx.recordedAt,
    recordedBy: ctx.recordedBy,
    channel: 'CTFI',
    notice: statement.notice,
    choices: statement.choices,
    provenance: {
      originalSetting: origin.originalSetting,
      originalChannel: origin.originalChannel,
      originalRecordedAt: origin.originalRecordedAt,
      originalRecordedBy: origin.originalRecordedBy,
      transferredAt: ctx.transferredAt,
    },
  };
}

/**
 * CTF headers carry local UK time without an offset; the model needs an instant. Europe/London's offset
 * at that wall-clock time is found with Intl, so a July file reads as +01:00 and a January one as Z.
 */
export function ukLocalToInstant(local: string): string {
  if (/(Z|[+-]\d\d:\d\d)$/.test(local)) return new Date(local).toISOString().replace('.000Z', 'Z');
  const asUtc = Date.parse(`${local}Z`);
  if (Number.isNaN(asUtc)) throw new RangeError(`not a date-time: ${local}`);
  const offsetAt = (t: number) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
    const wall = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    );
    return wall - Math.floor(t / 1000) * 1000;
  };
  const guess = asUtc - offsetAt(asUtc);
  const instant = asUtc - offsetAt(guess);
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}
