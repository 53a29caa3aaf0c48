import { attr, browserBuild, hostPage, signInScriptPage } from '@reuse-pref/example-producer';
import { fileAssets, type Pages } from '@reuse-pref/server';

/**
 * What the reference distributor serves beside its API: `/subject-view` (a signed-in family's view of one
 * pupil's ledger; `?audience=child` when the pupil is the one reading), its sign-in script and the
 * subject view's browser build. The log's public key is written into the page: the receipts are checked
 * against it, in the browser, not against anything the API returns.
 */
export function subjectViewPages(logPublicKey: string): Pages {
  let assets: Pages | undefined;
  return (path, query) => {
    if (path === '/subject-view') {
      const audience = query.get('audience') === 'child' ? 'child' : 'adult';
      return hostPage({
        title: 'Where a school record has gone – Department for Education',
        banner: 'Department for Education · pupil data releases (reference distributor)',
        heading: 'Your pupil record: releases and receipts',
        body: `<reuse-preference-ledger endpoint="/" audience="${audience}" log-key="${attr(logPublicKey)}"></reuse-preference-ledger>`,
        scripts: ['/subject-view/sign-in.js', '/subject-view/assets/reuse-preference-ledger.js'],
      });
    }
    if (path === '/subject-view/sign-in.js') return signInScriptPage();
    if (path.startsWith('/subject-view/assets/')) {
      assets ??= fileAssets(
        '/subject-view/assets/',
        browserBuild('@reuse-pref/subject-view', import.meta.url),
      );
      return assets(path, query);
    }
    return undefined;
  };
}
