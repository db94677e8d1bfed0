// @ts-check
/**
 * StrykerJS mutation testing (issue 13, "Mutation testing"): `npm run mutate`. Not run in CI.
 *
 * - Default scope: src/meeting, src/transport and src/state, against the tests of vitest.config.ts's
 *   `unit` project that vitest finds related to them (vitest's `related` mode: test files that
 *   import the mutated files). The slow project (soaks, CLI child processes, Chromium) is left out:
 *   it would cost minutes per mutant. Both through vitest.mutate.config.ts.
 * - One folder: `npm run mutate -- --mutate 'src/state/**\/*.ts'`. When every `--mutate` pattern
 *   lies in one folder `src/<folder>/`, this file picks for that run:
 *   - the incremental file `reports/stryker-incremental-<folder>.json`, because Stryker writes only
 *     the mutants of the current run to its incremental file: a scoped run sharing the default file
 *     would throw away the other folders' results;
 *   - only the tests under `test/<folder>/`, when that folder exists (`test/` mirrors `src/`): the
 *     folder's own unit tests are what must kill its mutants, and they run in seconds, where the
 *     tests related to src/state alone take 40 s a run (meeting, simulator and CLI tests import the
 *     folds). It sets MUTATE_TEST_DIR, which the test runner processes inherit and
 *     vitest.mutate.config.ts reads. (Not Stryker's `testFiles` option: in Stryker 10.1 it makes
 *     static mutants run with runtime activation, so they survive whatever the tests do.)
 *   `--incrementalFile` on the command line still wins.
 * - Incremental: only mutants in changed code, or covered by changed tests, run again;
 *   `-- --force` reruns everything and rewrites the incremental file.
 * - Concurrency 1: the machine has 2 cores and others run tests on it too.
 * - A survived mutant with 0 tests run (`testsCompleted: 0` in the incremental file) is a runner
 *   hiccup, not a verdict: run it again (`--force` with a `--mutate file:line` range).
 * - Reports: clear-text table on stdout, HTML in reports/mutation/mutation.html.
 */
import { existsSync } from 'node:fs';

// Node 20: StrykerJS 10 refuses to start below Node 22 (its `engines` follow Babel 8's), but runs on
// this machine's Node 20.20 (measured: full runs over src/state). `npm run mutate` preloads this file
// (`node --import ./stryker.config.mjs …`), and this getter shows a Node 22 version string to
// Stryker's start-up guard only; every other reader, the test runner processes included, sees the
// real version. Drop it (and the `--import`) once the project is on Node 22.
const nodeVersion = process.version;
if (Number(nodeVersion.slice(1).split('.')[0]) < 22) {
  Object.defineProperty(process, 'version', {
    configurable: true,
    enumerable: true,
    get: () => (new Error().stack?.includes('guardMinimalNodeVersion') ? 'v22.18.0' : nodeVersion),
  });
}

/** The `--mutate`/`-m` patterns given on the command line, if any. */
function cliMutatePatterns(argv) {
  const patterns = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if ((arg === '--mutate' || arg === '-m') && argv[i + 1] !== undefined) patterns.push(argv[++i]);
    else if (arg.startsWith('--mutate=')) patterns.push(arg.slice('--mutate='.length));
  }
  return patterns.flatMap((list) => list.split(',')).filter((p) => p !== '');
}

/** `state` when every pattern lies in `src/state/`, else undefined. */
function singleFolder(patterns) {
  const folders = new Set(patterns.map((p) => /^(?:\.\/)?src\/([^/*]+)\//.exec(p)?.[1]));
  if (folders.size !== 1) return undefined;
  const [folder] = folders;
  return folder;
}

const folder = singleFolder(cliMutatePatterns(process.argv.slice(2)));
const ownTests = folder !== undefined && existsSync(`test/${folder}`);
/**
 * Tests outside a folder's mirror that exercise it for real: the Node transports (node:https,
 * `ws` with TLS) are driven over loopback TLS by test/reliability/tls.test.ts.
 */
const EXTRA_TESTS = { transport: ['test/reliability/tls.test.ts'] };
if (ownTests) process.env.MUTATE_TEST_DIR = [`test/${folder}`, ...(EXTRA_TESTS[folder] ?? [])].join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // vitest.config.ts's unit project (narrowed as above) in the forks pool it is written for; the
  // runner itself forces one worker per Stryker test runner.
  vitest: { configFile: 'vitest.mutate.config.ts', pool: 'forks', related: true },
  coverageAnalysis: 'perTest',
  mutate: ['src/meeting/**/*.ts', 'src/transport/**/*.ts', 'src/state/**/*.ts'],
  incremental: true,
  incrementalFile:
    folder === undefined ? 'reports/stryker-incremental.json' : `reports/stryker-incremental-${folder}.json`,
  concurrency: 1,
  // No bail: with vitest 4.1 a bail cancels the run through a message from the test worker, and
  // on a loaded machine that message can land in the next mutant's run, which then runs 0 tests
  // and is reported as survived (seen: 12 of 1008 mutants of src/state in one run, each killed
  // when run again). Without bail every covering test runs; on src/state that costs little.
  disableBail: true,
  // A busy shared machine: give a slow mutant run room before calling it a timeout.
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', 'docs/api', 'reports'],
};
