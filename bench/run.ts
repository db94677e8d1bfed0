/**
 * Runs the benchmark suites: `npm run bench` prints a report, `npm run bench -- --json` one JSON
 * object keyed by suite name. `--quick` shortens every measurement; a suite name as an argument
 * runs only that suite. To add a suite, put a file in bench/suites/ and list it below.
 */
import type { BenchSuite, MeasureOptions } from './harness.js';
import { decodeSuite } from './suites/decode.js';
import { rosterSuite } from './suites/roster.js';

const SUITES: readonly BenchSuite[] = [decodeSuite, rosterSuite];

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const options: MeasureOptions = quick
    ? { warmupMs: 100, rounds: 3, roundMs: 100 }
    : { warmupMs: 300, rounds: 7, roundMs: 200 };
  const suites = wanted.length === 0 ? SUITES : SUITES.filter((s) => wanted.includes(s.name));
  if (suites.length === 0)
    throw new Error(`no suite named ${wanted.join(', ')}; known: ${SUITES.map((s) => s.name).join(', ')}`);
  const results: Record<string, unknown> = {};
  for (const suite of suites) {
    const result = await suite.run(options);
    results[suite.name] = result.json;
    if (!json) for (const line of result.lines) console.log(line);
  }
  if (json) console.log(JSON.stringify(results));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
