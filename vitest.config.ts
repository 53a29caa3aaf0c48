import { defineConfig } from 'vitest/config';

// Tests import workspace packages through the "source" export condition, so they run against src/
// without a build; the CLI tests spawn the built bin, which is why `pnpm test` builds first.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['packages/*/test/**/*.test-d.ts'] },
    testTimeout: 30_000,
    pool: 'forks',
    // Installs Debian's Chromium for the browser tests when a fresh machine lacks it (root, apt-get).
    globalSetup: ['scripts/test/global-setup.mjs'],
  },
});
