// Refreshes the screenshots in docs/images/family-pages/ from the browser tests' own (test-results/
// screenshots/, written by `pnpm test` or `pnpm exec vitest run examples`): each is the top of a test
// screenshot, cut to a size a guide can show. Run after the tests: node scripts/browser/docs-screenshots.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const from = join(root, 'test-results', 'screenshots');
const to = join(root, 'docs', 'images', 'family-pages');

/** [test screenshot, guide image, width, height]: the top-left corner of each, at its own scale. */
const SHOTS = [
  ['form-parent-filled-1280', 'form-parent', 1280, 1500],
  ['form-pupil-13-child-wording-1280', 'form-pupil-13', 1280, 1500],
  ['form-pupil-13-320', 'form-320px', 320, 1400],
  ['form-errors-1280', 'form-errors', 1280, 900],
  ['form-paper-print', 'form-paper', 1280, 1300],
  ['subject-view-verified-1280', 'subject-view', 1280, 1900],
  ['subject-view-tampered-release', 'subject-view-tampered', 0, 0],
];

mkdirSync(to, { recursive: true });
const browser = await launchChromium();
try {
  for (const [source, target, width, height] of SHOTS) {
    const html = join(to, '.crop.html');
    writeFileSync(
      html,
      `<body style="margin:0"><img id="shot" src="file://${join(from, `${source}.png`)}"></body>`,
    );
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`file://${html}`);
    const img = page.locator('#shot');
    await img.waitFor();
    const box = await img.boundingBox();
    if (!box || box.width < 2)
      throw new Error(`no screenshot ${source}.png in ${from}: run the browser tests first`);
    const clip = {
      x: 0,
      y: 0,
      width: width || box.width,
      height: Math.min(height || box.height, box.height),
    };
    await page.screenshot({ path: join(to, `${target}.png`), clip, fullPage: true });
    await page.close();
    console.log(`docs/images/family-pages/${target}.png from ${source}.png`);
  }
} finally {
  await browser.close();
  const { rmSync } = await import('node:fs');
  rmSync(join(to, '.crop.html'), { force: true });
}
