// One benchmark pass over an NDJSON file, run in its own process by validate.mjs:
//   node pass.mjs parse <file>     stream line by line + JSON.parse (the baseline)
//   node pass.mjs validate <file>  the CLI's validation pipeline (same reader + validator)
// Prints one JSON line: records, valid, seconds (wall), cpuSeconds (all threads), maxRssMB.
import {
  createValidator,
  LineSplitter,
  openInput,
  validateSource,
} from '../../../packages/cli/dist/pipeline.js';
import { BENCH_NOW } from './now.mjs';

const [mode, file] = process.argv.slice(2);
const input = await openInput(file);
let records = 0;
let valid = 0;
const started = process.hrtime.bigint();
const cpuStart = process.cpuUsage();

if (mode === 'parse') {
  const splitter = new LineSplitter({
    line(text) {
      if (text.length === 0) return;
      JSON.parse(text);
      records++;
    },
    oversize() {
      records++;
    },
    notUtf8() {
      records++;
    },
  });
  for await (const chunk of input.chunks) splitter.push(chunk);
  splitter.end();
  valid = records;
} else if (mode === 'validate') {
  const validator = createValidator({ now: BENCH_NOW });
  await validateSource(input.chunks, validator, (result) => {
    records++;
    if (result.valid) valid++;
  });
} else {
  throw new Error(`unknown mode ${mode}`);
}

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
// maxRSS is in kilobytes.
const maxRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, records, valid, seconds, cpuSeconds, maxRssMB }));
