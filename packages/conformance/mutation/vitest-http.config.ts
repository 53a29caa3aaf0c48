import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The HTTP mutation judge only: the scenario profiles against reference servers started in-process from
// src/ (the "source" export condition), so the files Stryker mutates are the ones that serve.
export default defineConfig({
  root: fileURLToPath(new URL('../../../', import.meta.url)),
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/conformance/mutation/judge-http.mutation.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
