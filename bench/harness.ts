/**
 * A small benchmark harness: warm up, then time several rounds and keep the median rate.
 * The median of rounds is robust against one round disturbed by GC or a neighbour process.
 */

/** How long to measure. */
export interface MeasureOptions {
  /** Untimed warm-up, so the JIT has optimised `fn`. @defaultValue 300 */
  readonly warmupMs?: number;
  /** Number of timed rounds. @defaultValue 7 */
  readonly rounds?: number;
  /** Length of one timed round. @defaultValue 250 */
  readonly roundMs?: number;
  /**
   * The `--quick` preset: suites that do not time a function in rounds (the end-to-end ones) pick
   * their own shorter settings from this. @defaultValue false
   */
  readonly quick?: boolean;
}

/** The result of {@link measure}. */
export interface Measurement {
  /** Median calls per second over the rounds. */
  readonly perSec: number;
  /** The rate of every round, in order. */
  readonly roundsPerSec: readonly number[];
}

/** Written by every measured call, so the engine cannot drop the work as dead code. */
let sink: unknown;

/** The last value a measured function returned (only to keep results alive). */
export function lastSink(): unknown {
  return sink;
}

/**
 * CPU time of this process in ms. Rates are computed from CPU time rather than wall time, so a
 * busy machine (other processes taking turns on the cores) slows the benchmark without skewing it.
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function runFor(fn: () => unknown, ms: number): { calls: number; elapsedMs: number } {
  const cpuStart = cpuMs();
  const start = performance.now();
  let calls = 0;
  let batch = 16;
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) sink = fn();
    calls += batch;
    now = performance.now();
    // Grow batches while they are short, so the clock is read rarely.
    if (now - start < ms / 50) batch *= 2;
  }
  return { calls, elapsedMs: Math.max(cpuMs() - cpuStart, 1e-3) };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Calls `fn` repeatedly and reports its median rate in calls per second. */
export function measure(fn: () => unknown, options: MeasureOptions = {}): Measurement {
  const { warmupMs = 300, rounds = 7, roundMs = 250 } = options;
  runFor(fn, warmupMs);
  const roundsPerSec: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const { calls, elapsedMs } = runFor(fn, roundMs);
    roundsPerSec.push((calls * 1000) / elapsedMs);
  }
  return { perSec: median(roundsPerSec), roundsPerSec };
}

/** A suite's answer: a JSON-ready object and the lines printed for people. */
export interface SuiteResult {
  readonly json: Record<string, unknown>;
  readonly lines: readonly string[];
}

/** One file in bench/suites/. */
export interface BenchSuite {
  /** Key of the suite's object in `--json` output. */
  readonly name: string;
  readonly run: (options: MeasureOptions) => SuiteResult | Promise<SuiteResult>;
}

/** `1234567.8` → `1,234,568`. */
export function formatRate(perSec: number): string {
  return Math.round(perSec).toLocaleString('en-US');
}

/**
 * Measures `a` and `b` in alternating rounds and reports each one's median rate and the median of
 * the per-round ratios `b / a`; alternating keeps both under the same conditions.
 */
export function comparePair(
  a: () => unknown,
  b: () => unknown,
  options: MeasureOptions = {},
): { a: Measurement; b: Measurement; ratio: number } {
  const { warmupMs = 300, rounds = 7, roundMs = 250 } = options;
  runFor(a, warmupMs / 2);
  runFor(b, warmupMs / 2);
  const aRates: number[] = [];
  const bRates: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const ra = runFor(a, roundMs);
    const rb = runFor(b, roundMs);
    const aRate = (ra.calls * 1000) / ra.elapsedMs;
    const bRate = (rb.calls * 1000) / rb.elapsedMs;
    aRates.push(aRate);
    bRates.push(bRate);
    ratios.push(bRate / aRate);
  }
  return {
    a: { perSec: median(aRates), roundsPerSec: aRates },
    b: { perSec: median(bRates), roundsPerSec: bRates },
    ratio: median(ratios),
  };
}
