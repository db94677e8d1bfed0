/**
 * The vitest config of mutation runs (stryker.config.mjs): vitest.config.ts's `unit` project only
 * (the slow suites — soaks, child-process CLI runs, Chromium — would cost minutes per mutant), and
 * when the MUTATE_TEST_DIR environment variable names a folder (stryker.config.mjs sets it to
 * `test/<folder>` when every `--mutate` pattern lies in one `src/<folder>/`), only the tests under
 * it. Not Stryker's own `testFiles` option: in Stryker 10.1 it makes static mutants (code run when
 * a module loads) run with runtime activation, so they survive whatever the tests do.
 */
import type { TestProjectConfiguration, TestProjectInlineConfiguration, ViteUserConfig } from 'vitest/config';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const dir = process.env.MUTATE_TEST_DIR;
// A comma-separated list: folders (their `*.test.ts` files) or single test files.
const include = dir?.split(',').map((entry) => (entry.endsWith('.ts') ? entry : `${entry}/**/*.test.ts`));

type TestOptions = NonNullable<ViteUserConfig['test']>;
const narrowed = (test: TestOptions | undefined): TestOptions =>
  include === undefined ? { ...test } : { ...test, include };

const isUnit = (project: TestProjectConfiguration): project is TestProjectInlineConfiguration =>
  typeof project === 'object' && 'test' in project && project.test?.name === 'unit';

const projects = base.test?.projects;
export default defineConfig({
  ...base,
  test:
    projects === undefined
      ? narrowed(base.test)
      : {
          ...base.test,
          projects: projects.filter(isUnit).map((project) => ({ ...project, test: narrowed(project.test) })),
        },
});
