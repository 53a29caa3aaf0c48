import type { RecordedBy, Setting, Subject } from '@reuse-pref/schema';
import type { Channel } from '../statement/codes.js';
import { RESPONDENT_ROLES, type Respondent } from '../statement/respondent.js';

/** The privacy notice the person is shown; `href` links to it. */
export interface NoticeRef {
  readonly id: string;
  readonly version: string;
  readonly href?: string;
}

/** What the host page tells the form before anyone answers. */
export interface FormConfig {
  subject?: Subject;
  setting?: Setting;
  respondents: readonly Respondent[];
  notice?: NoticeRef;
  recordedBy: RecordedBy;
  channel: Channel;
  competenceAge: number;
  pupilName?: string;
  /** Producer base URL; without it the form hands the statement to the page and sends nothing. */
  endpoint?: string;
}

/** The software recording the statement when the host does not name its own MIS. */
export const DEFAULT_RECORDED_BY: RecordedBy = { supplierId: 'reuse-pref', system: '@reuse-pref/form' };

/** Channels the form itself can record: online, a paper form keyed in, or office entry. */
export const FORM_CHANNELS: readonly Channel[] = ['ONLN', 'PAPR', 'MISE'];

/** Reads a JSON attribute; a host's typo becomes a configuration problem shown to the school, not a crash. */
export function parseJsonAttribute(name: string, text: string | null): unknown {
  if (text === null || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ConfigError(`the ${name} attribute is not JSON`);
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * What is missing or wrong before the form can record anything. The validator checks the statement itself
 * at submit (UPN check letters and all); this only catches what would leave the form unable to build one.
 */
export function configProblems(config: FormConfig): string[] {
  const problems: string[] = [];
  if (!config.subject) problems.push('subject (the pupil) is not set');
  if (!config.setting) problems.push('setting (the school URN and LA-Estab) is not set');
  if (!config.notice) problems.push('notice (the privacy notice id and version) is not set');
  if (config.respondents.length === 0) problems.push('respondents (who may answer) is empty');
  for (const r of config.respondents) {
    if (!RESPONDENT_ROLES.includes(r.role)) problems.push(`respondent role ${String(r.role)} is not offered`);
  }
  if (!FORM_CHANNELS.includes(config.channel))
    problems.push(`channel ${config.channel} is not a form channel`);
  if (!Number.isInteger(config.competenceAge) || config.competenceAge < 0 || config.competenceAge > 25) {
    problems.push('competence-age must be a whole number from 0 to 25');
  }
  return problems;
}
