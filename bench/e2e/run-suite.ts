/**
 * Runs one of the e2e suites on its own and prints its JSON, for working on a suite without the
 * whole bench: `npx tsx bench/e2e/run-suite.ts e2e|latency|scale [--quick] [--meetings=N[,N…]]`
 * (`--meetings`: the scale suite's sizes, instead of 1,000 and 5,000).
 */
const name = process.argv[2];
const quick = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--meetings='));
const sizes = sizesArg?.slice('--meetings='.length).split(',').map(Number);
type SuiteOptions = { quick: boolean; sizes?: readonly number[] };
const suites: Record<string, () => Promise<(o: SuiteOptions) => Promise<Record<string, unknown>>>> = {
  e2e: async () => (await import('../suites/e2e.js')).runE2e,
  latency: async () => (await import('../suites/latency.js')).runLatency,
  scale: async () => (await import('../suites/scale.js')).runScale,
};
const load = name ? suites[name] : undefined;
if (!load) {
  console.error('usage: tsx bench/e2e/run-suite.ts e2e|latency|scale [--quick] [--meetings=N[,N…]]');
  process.exit(2);
}
const run = await load();
console.log(
  JSON.stringify({ [name!]: await run({ quick, ...(sizes === undefined ? {} : { sizes }) }) }, null, 2),
);
