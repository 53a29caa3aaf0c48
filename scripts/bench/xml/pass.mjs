// One benchmark pass over the generated school files, run in its own process by xml.mjs:
//   node pass.mjs parse <manifest>    read each file whole and XMLParser.parse it (the baseline)
//   node pass.mjs convert <manifest>  stream each file through readStatementsFromXml to JSON statements
// Prints one JSON line: records (statements), errors, seconds, maxRssMB.
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { readStatementsFromXml } from '../../../packages/xml/dist/index.js';

// The very fast-xml-parser the converter runs on: resolved from packages/xml, ESM entry.
const fxpCjs = createRequire(new URL('../../../packages/xml/package.json', import.meta.url)).resolve(
  'fast-xml-parser',
);
const { XMLParser } = await import(pathToFileURL(fxpCjs.replace(/lib[\\/]fxp\.cjs$/, 'src/fxp.js')).href);

const [mode, manifestPath] = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
let records = 0;
let errors = 0;
const started = process.hrtime.bigint();

if (mode === 'parse') {
  // The same value options the converter uses, so the baseline does the same text work.
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true,
  });
  for (const file of manifest.files) {
    const doc = parser.parse(readFileSync(file, 'utf8'));
    for (const pupil of [doc.CTfile.CTFpupilData.Pupil].flat()) {
      const s = pupil.ReusePreferences?.Statement;
      records += s === undefined ? 0 : Array.isArray(s) ? s.length : 1;
    }
  }
} else if (mode === 'convert') {
  for (const file of manifest.files) {
    for await (const item of readStatementsFromXml(createReadStream(file, { highWaterMark: 1 << 16 }))) {
      if ('error' in item) errors++;
      else records++;
    }
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(
  JSON.stringify({ mode, records, errors, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 }),
);
