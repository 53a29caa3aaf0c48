import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { dropAbandonedDatabases, ensureCluster } from './postgres/cluster.js';

// The mutation judge names its databases with its own prefix, and drops those a killed test runner left.
const PREFIX = 'rp_abandoned_test';
const admin = new pg.Client({ connectionString: ensureCluster() });
await admin.connect();
// A process that has ended (its pid is not reused within this test's moments), and this one, alive.
const ended = spawnSync(process.execPath, ['-e', '']).pid!;
const left = `${PREFIX}_${ended}_0a1b2c3d`;
const mine = `${PREFIX}_${process.pid}_4e5f6a7b`;
const names = async () =>
  (
    await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
      [`${PREFIX}_`],
    )
  ).rows.map((row) => row.datname);

afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS ${left} WITH (FORCE)`);
  await admin.query(`DROP DATABASE IF EXISTS ${mine} WITH (FORCE)`);
  await admin.end();
});

describe('dropAbandonedDatabases', () => {
  it('drops the databases of its prefix whose process has ended, and only those', async () => {
    await admin.query(`CREATE DATABASE ${left}`);
    await admin.query(`CREATE DATABASE ${mine}`);
    expect(await dropAbandonedDatabases(PREFIX)).toEqual([left]);
    expect(await names()).toEqual([mine]);
  });

  it('refuses the prefix every test file shares, and one that is not a name', async () => {
    await expect(dropAbandonedDatabases('rp_store_test')).rejects.toThrow(/not a prefix/);
    await expect(dropAbandonedDatabases('x; DROP')).rejects.toThrow(/not a prefix/);
  });
});
