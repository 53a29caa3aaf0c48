import { openStore } from '@reuse-pref/server';
import type { PreferenceIndexStatus } from '@reuse-pref/store';
import { type Command, type Context, parseCommandArgs, UsageError } from '../command.js';
import { storeSpec } from '../store-spec.js';

const usage = `Usage: reuse-pref store <status|reindex> (--db <file> | --store postgres --database-url <url>)

  status     Whether the effective-preferences index has taken in every stored statement, and what it
             is built for. Exit status 0 when a release may be decided from it, 1 when not.
  reindex    Rebuilds the index from every stored statement, in one transaction (statement appends
             wait until it ends). Needed once after upgrading a store that already held statements.

  --store <kind>          sqlite (default) or postgres
  --db <file>             SQLite file (default: reuse-pref.db)
  --database-url <url>    PostgreSQL connection string (or DATABASE_URL), with --store postgres
  --competence-age <n>    reindex: the competence age to build for (default: the index's, 12 at first)

Exit status: 0 done, 1 index not usable (status), 2 usage error.`;

function statusText(s: PreferenceIndexStatus): string {
  return (
    `preferences index: ${s.current ? 'complete' : s.complete ? 'built for another catalogue' : 'INCOMPLETE'}\n` +
    `  statements stored        ${s.statements}\n` +
    `  statements indexed       ${s.indexedStatements}\n` +
    `  subjects                 ${s.subjects}\n` +
    `  catalogue version        ${s.catalogueVersion}\n` +
    `  competence age           ${s.competenceAge}\n` +
    (s.current ? '' : '  run: reuse-pref store reindex\n')
  );
}

async function run(args: string[], { stdout, stderr, env }: Context): Promise<number> {
  const [name, ...rest] = args;
  if (name !== 'status' && name !== 'reindex') {
    throw new UsageError(name ? `unknown store subcommand '${name}'` : 'store needs a subcommand');
  }
  const { values } = parseCommandArgs(rest, {
    options: {
      store: { type: 'string' },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      'competence-age': { type: 'string' },
    },
  });
  const age = values['competence-age'];
  if (age !== undefined && (name !== 'reindex' || !/^\d{1,2}$/.test(age) || Number(age) > 25)) {
    throw new UsageError('--competence-age takes a whole number of years from 0 to 25, with reindex');
  }
  const store = await openStore(
    storeSpec(
      values.store ?? 'sqlite',
      values.db ?? 'reuse-pref.db',
      values['database-url'] ?? env.DATABASE_URL,
    ),
  );
  try {
    if (name === 'status') {
      const status = await store.preferences.status();
      stdout.write(statusText(status));
      return status.current ? 0 : 1;
    }
    const started = Date.now();
    let shown = 0;
    const result = await store.preferences.reindex({
      ...(age === undefined ? {} : { competenceAge: Number(age) }),
      onProgress: (n) => {
        if (n - shown >= 1_000_000) {
          shown = n;
          stderr.write(`  ${n} statements read\n`);
        }
      },
    });
    stdout.write(
      `reindexed ${result.statements} statements into ${result.subjects} subjects in ${((Date.now() - started) / 1000).toFixed(1)} s\n` +
        statusText(await store.preferences.status()),
    );
    return 0;
  } finally {
    await store.close();
  }
}

const command: Command = { usage, run };
export default command;
