import { ensureCluster } from './cluster.js';

// For a vitest `globalSetup` entry: brings PostgreSQL up once before any test file runs. Each postgres
// test file also calls ensureCluster itself (a quick no-op once the cluster is up), so the tests pass
// whether or not this is registered.
export default function setup(): void {
  ensureCluster();
}
