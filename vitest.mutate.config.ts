/**
 * The vitest config of scoped mutation runs (stryker.config.mjs): vitest.config.ts with only the
 * tests under `MUTATE_TEST_DIR` (e.g. `test/state`), which stryker.config.mjs sets when every
 * `--mutate` pattern lies in one `src/<folder>/`. Not Stryker's own `testFiles` option: in
 * Stryker 10.1 it makes static mutants run with runtime activation, so they can never be killed.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const dir = process.env.MUTATE_TEST_DIR ?? 'test';

export default defineConfig({ ...base, test: { ...base.test, include: [`${dir}/**/*.test.ts`] } });
