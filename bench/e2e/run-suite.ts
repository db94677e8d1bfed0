/**
 * Runs one of the e2e suites on its own and prints its JSON, for working on a suite without the
 * whole bench: `npx tsx bench/e2e/run-suite.ts e2e|latency|scale [--quick]`.
 */
const name = process.argv[2];
const quick = process.argv.includes('--quick');
const suites: Record<string, () => Promise<(o: { quick: boolean }) => Promise<Record<string, unknown>>>> = {
  e2e: async () => (await import('../suites/e2e.js')).runE2e,
  latency: async () => (await import('../suites/latency.js')).runLatency,
  scale: async () => (await import('../suites/scale.js')).runScale,
};
const load = name ? suites[name] : undefined;
if (!load) {
  console.error('usage: tsx bench/e2e/run-suite.ts e2e|latency|scale [--quick]');
  process.exit(2);
}
const run = await load();
console.log(JSON.stringify({ [name!]: await run({ quick }) }, null, 2));
