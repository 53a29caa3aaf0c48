import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The mutation judge only: the conformance vectors through the harness, against src/ (the "source"
// export condition), so the files Stryker mutates are the ones that run.
export default defineConfig({
  root: fileURLToPath(new URL('../../../', import.meta.url)),
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/conformance/mutation/judge.mutation.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
});
