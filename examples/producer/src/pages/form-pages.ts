import type { Respondent } from '@reuse-pref/form';
import { fileAssets, type Page, type Pages } from '@reuse-pref/server';
import { type Contact, PUPILS, type Pupil, SCHOOL, SETTING } from '../school/roster.js';
import { COLLECTION_SHEET, RECORDED_BY } from '../school/statements.js';
import { attr, browserBuild, hostPage, jsonAttr, signInScriptPage } from './host-page.js';

const ROLES: Record<Contact['relationship'], Respondent['role']> = {
  mother: 'PAR',
  father: 'PAR',
  carer: 'CAR',
  'local authority': 'CORP',
  pupil: 'PUP',
};

/** Who may answer for a pupil, from the MIS contacts: parents, carers, the local authority, the pupil. */
export function respondentsOf(pupil: Pupil): Respondent[] {
  return pupil.contacts.map((c) => ({ role: ROLES[c.relationship], personRef: c.ref, name: c.name }));
}

const CHANNELS = new Set(['ONLN', 'PAPR', 'MISE']);

function formPage(pupil: Pupil, channel: string): Page {
  const element = `<reuse-preference-form endpoint="/" channel="${attr(channel)}"
  pupil-name="${attr(pupil.name)}"
  subject="${jsonAttr(pupil.subject)}"
  setting="${jsonAttr(SETTING)}"
  notice="${jsonAttr({ id: COLLECTION_SHEET.id, version: COLLECTION_SHEET.version })}"
  recorded-by="${jsonAttr(RECORDED_BY)}"
  respondents="${jsonAttr(respondentsOf(pupil))}"></reuse-preference-form>`;
  return hostPage({
    title: `Data collection sheet: ${pupil.name} – ${SCHOOL.name}`,
    banner: `${SCHOOL.name} · school information system (reference MIS)`,
    heading: `Data collection sheet: ${pupil.name}`,
    body: element,
    scripts: ['/form/sign-in.js', '/form/assets/reuse-preference-form.js'],
  });
}

function notFound(message: string): Page {
  return {
    ...hostPage({ title: message, banner: SCHOOL.name, heading: message, body: '', scripts: [] }),
    status: 404,
  };
}

/**
 * What the reference MIS serves beside its API: `/form?pupil=<MIS id>` (the school's online data
 * collection sheet for one pupil; `&channel=PAPR` for the office keying a returned paper form, whose
 * printout is the same page), its sign-in script and the form's browser build. The build is read at the
 * first request for a page, so an app that is never asked for one never needs it.
 */
export function formPages(): Pages {
  let assets: Pages | undefined;
  return (path, query) => {
    if (path === '/form') {
      const id = query.get('pupil');
      const pupil = PUPILS.find((p) => p.subject.localId === id);
      if (!pupil) return notFound(`No pupil with MIS id ${id ?? '(none)'} at ${SCHOOL.name}`);
      const channel = query.get('channel') ?? 'ONLN';
      if (!CHANNELS.has(channel)) return notFound(`No form for channel ${channel}`);
      return formPage(pupil, channel);
    }
    if (path === '/form/sign-in.js') return signInScriptPage();
    if (path.startsWith('/form/assets/')) {
      assets ??= fileAssets('/form/assets/', browserBuild('@reuse-pref/form', import.meta.url));
      return assets(path, query);
    }
    return undefined;
  };
}
