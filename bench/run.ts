/**
 * Runs the benchmark suites: `npm run bench` prints a report, `npm run bench -- --json` one JSON
 * object keyed by suite name (e.g. `{"e2e":{"libVsRaw":…,"libVsRxjs":…},…}`). A suite name as an
 * argument runs only that suite (`npm run bench -- e2e`); several names run several.
 *
 * Flags:
 * - `--quick`: a short preset (every suite shortened; the whole run takes about a minute);
 * - `--json`: one JSON object on stdout instead of the report;
 * - `--source`: measure the library from its TypeScript sources under `tsx` instead of bundled as
 *   published (see bench/e2e/library-build.ts for why the two differ).
 *
 * To add a suite, put a file in bench/suites/ and list it below.
 */
import { SOURCE_ENV } from './e2e/library-build.js';
import type { BenchSuite, MeasureOptions } from './harness.js';
import { decodeSuite } from './suites/decode.js';
import { e2eSuite } from './suites/e2e.js';
import { latencySuite } from './suites/latency.js';
import { rosterSuite } from './suites/roster.js';
import { scaleSuite } from './suites/scale.js';

const SUITES: readonly BenchSuite[] = [decodeSuite, rosterSuite, e2eSuite, latencySuite, scaleSuite];
const FLAGS = new Set(['--json', '--quick', '--source']);

async function main(argv: readonly string[]): Promise<void> {
  const unknownFlag = argv.find((a) => a.startsWith('--') && !FLAGS.has(a));
  if (unknownFlag !== undefined)
    throw new Error(`unknown flag ${unknownFlag}; known: ${[...FLAGS].join(', ')}`);
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  // Through the environment, so the forked scale clients measure the same build.
  if (argv.includes('--source')) process.env[SOURCE_ENV] = '1';
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const options: MeasureOptions = quick
    ? { warmupMs: 100, rounds: 3, roundMs: 100, quick: true }
    : { warmupMs: 300, rounds: 7, roundMs: 200, quick: false };
  const unknown = wanted.filter((name) => !SUITES.some((s) => s.name === name));
  if (unknown.length > 0)
    throw new Error(`no suite named ${unknown.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
  const suites = wanted.length === 0 ? SUITES : SUITES.filter((s) => wanted.includes(s.name));
  const results: Record<string, unknown> = {};
  const started = performance.now();
  for (const suite of suites) {
    const t0 = performance.now();
    const result = await suite.run(options);
    results[suite.name] = result.json;
    if (!json) {
      for (const line of result.lines) console.log(line);
      console.log(`  (${suite.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
  }
  if (json) console.log(JSON.stringify(results));
  else console.log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
