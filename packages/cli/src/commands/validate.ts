import { createValidator, type Validator } from '@reuse-pref/validator';
import { type Command, parseCommandArgs, UsageError } from '../command.js';
import { openInput } from '../input/open-input.js';
import { BufferedOutput, CLOSED_PIPE_STATUS, OutputClosedError } from '../output.js';
import type { RecordResult } from '../validate/check-record.js';
import { formatRecordHuman, formatSummaryHuman } from '../validate/human-format.js';
import { formatRecordJson, formatSummaryJson } from '../validate/json-format.js';
import { Progress } from '../validate/progress.js';
import { count, emptySummary, exitCodeOf } from '../validate/summary.js';
import { validateSource } from '../validate/validate-source.js';
import { readValidatorOptions } from '../validator-options.js';

const usage = `Usage: reuse-pref validate <file|-> [options]

Checks Reuse Preference statements against the v1 schema and validation rules. The input is one JSON
statement, a JSON array of statements, NDJSON (one statement per line), or a CTF or census XML file
carrying <ReusePreferences> blocks (spec/v1/xml); the form is read from the content. Use - to read
standard input. Any file size: the input is streamed. The input is checked as the intake checks a
batch: bytes that are not UTF-8 are refused, and a statement id used again with different content is
statement-id-conflict.

Options:
  --format human|json     human (default): records with findings, then a summary;
                          json: NDJSON, one {"type":"record"} line per record, then {"type":"summary"}
  --now <date-time>       evaluate date rules as at this instant (default: now)
  --census-date <date>    census reference date for the "after the census date" rule
  --competence-age <n>    age at which a pupil is presumed competent (default 12)
  --quiet                 print only the summary
  -h, --help              show this help

Exit status: 0 every record valid (queries allowed), 1 a record has errors or is not JSON or UTF-8,
2 usage error or unreadable input; 141 when the reader of the output goes away (| head), as for SIGPIPE.`;

const validate: Command = {
  usage,
  async run(args, { stdout, stderr, env }) {
    const { values, positionals } = parseCommandArgs(args, {
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'human' },
        now: { type: 'string' },
        'census-date': { type: 'string' },
        'competence-age': { type: 'string' },
        quiet: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? 'validate needs a file, or - for stdin' : 'validate takes one input',
      );
    }
    const format = values.format;
    if (format !== 'human' && format !== 'json') {
      throw new UsageError(`--format must be human or json, not '${format}'`);
    }
    let validator: Validator;
    try {
      validator = createValidator(readValidatorOptions(values));
    } catch (err) {
      // The options were checked above; this keeps any stricter check of the validator a usage error.
      if (err instanceof RangeError) throw new UsageError(err.message);
      throw err;
    }
    const input = await openInput(positionals[0]!);

    const out = new BufferedOutput(stdout);
    const progress = Progress.create(stderr, env, input.size);
    const summary = emptySummary();
    const formatRecord = format === 'json' ? formatRecordJson : formatRecordHuman;
    const onResult = (result: RecordResult) => {
      count(summary, result);
      if (!values.quiet) out.append(formatRecord(result));
    };
    try {
      await validateSource(input.chunks, validator, onResult, {
        afterChunk: async (bytesRead) => {
          if (out.pending) progress?.clear();
          await out.flush();
          progress?.update(bytesRead, summary.records);
        },
      });
      progress?.clear();
      out.append(format === 'json' ? formatSummaryJson(summary) : formatSummaryHuman(summary));
      await out.flush(true);
    } catch (err) {
      progress?.clear();
      if (err instanceof OutputClosedError) return CLOSED_PIPE_STATUS;
      throw err;
    }
    return exitCodeOf(summary);
  },
};

export default validate;
