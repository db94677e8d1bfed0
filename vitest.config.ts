import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Suites that take more than about 5 s on this two-core machine (per-file durations of
 * `vitest run --reporter=verbose`): the chaos soak, the secrets soak, the CLI run as child
 * processes, and the dashboard in headless Chromium. `npm test` (and so `.ci/run`) runs them;
 * `npm run test:unit` leaves them out for quick local runs.
 */
const SLOW = [
  'test/reliability/soak.test.ts',
  'test/reliability/secrets.test.ts',
  'test/cli/watch.test.ts',
  'test/e2e/dashboard.e2e.test.ts',
];

export default defineConfig({
  test: {
    // Two cores: forks keep sockets and fake timers isolated per file.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 15_000,
    hookTimeout: 15_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] },
      },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});
