// Children load the workspace's TypeScript sources through tsx and the "source" export condition, as the
// tests do, so the benchmark measures the code in the tree without a build step.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const requireFromClient = createRequire(join(root, 'packages', 'client', 'package.json'));

// BENCH_CHILD_NODE_ARGS adds Node flags to every child, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p" to see
// where a server pass spends its time (NODE_OPTIONS refuses --cpu-prof).
export const childNodeArgs = [
  ...(process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean),
  '--conditions=source',
  '--import',
  pathToFileURL(requireFromClient.resolve('tsx/esm')).href,
];

export const importSource = (relative) => import(pathToFileURL(join(root, relative)).href);
