/**
 * Latency at a steady rate (issue 5, item 2): for every frame, the time from the bench server's
 * socket write to the consumer callback, for (a) raw `ws` + `JSON.parse` and (c) `connectMeeting`.
 *
 * The server (a child process) writes `process.hrtime` into each frame's msgID just before the write;
 * hrtime is CLOCK_MONOTONIC, one clock for every process on the machine, so the client subtracts it
 * from its own hrtime in the callback. The clients run in alternating blocks (raw, lib, lib, raw, …)
 * and each one's samples are pooled, so a noisy neighbour on the shared machine hits both alike.
 * Added latency = p99(c) − p99(a).
 */
import type { ClientKind } from '../e2e/clients/types.js';
import { loadClient, measureLatency } from '../e2e/measure.js';
import { forkFrameServer } from '../e2e/server-process.js';
import { type LatencySummary, round, summariseLatency } from '../e2e/stats.js';
import type { BenchSuite, MeasureOptions } from '../harness.js';

/** Issue 5 goal: p99 added over raw ws at 1,000 frames/s, in microseconds. */
export const LATENCY_GOAL_ADDED_P99_US = 100;
const RATE_PER_SECOND = 1_000;

/**
 * Runs the latency comparison at 1,000 frames/s of the mix.
 * @returns `{ raw, lib, addedP99Us, … }` with p50/p99/max in µs; `lib` and `addedP99Us` are `null`
 *   when the library client is not available.
 */
export async function runLatency(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  const blocks = opts.quick ? 1 : 8;
  const options = { perSecond: RATE_PER_SECOND, frames: opts.quick ? 3_000 : 2_500, warmupFrames: 1_000 };
  const kinds: ClientKind[] = ['raw'];
  if (
    await loadClient('lib').then(
      () => true,
      () => false,
    )
  )
    kinds.push('lib');
  const samples = new Map<ClientKind, number[]>(kinds.map((k) => [k, []]));
  const server = await forkFrameServer();
  try {
    for (let b = 0; b < blocks; b++) {
      const order = b % 2 === 0 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        const run = await measureLatency(server, kind, options);
        samples.get(kind)!.push(...run.samplesNs);
      }
    }
  } finally {
    await server.close();
  }
  const summary = (kind: ClientKind): LatencySummary | null => {
    const s = samples.get(kind);
    return s && s.length > 0 ? summariseLatency(s) : null;
  };
  const raw = summary('raw');
  const lib = summary('lib');
  const addedP99Us = raw && lib ? round(lib.p99Us - raw.p99Us, 1) : null;
  return {
    raw,
    lib,
    addedP50Us: raw && lib ? round(lib.p50Us - raw.p50Us, 1) : null,
    addedP99Us,
    goal: {
      maxAddedP99Us: LATENCY_GOAL_ADDED_P99_US,
      met: addedP99Us !== null && addedP99Us <= LATENCY_GOAL_ADDED_P99_US,
    },
    framesPerSecond: RATE_PER_SECOND,
    framesPerClient: blocks * options.frames,
    ...(lib ? {} : { note: 'connectMeeting not available: library client skipped' }),
  };
}

const describe = (s: unknown) => {
  if (!s || typeof s !== 'object') return 'n/a';
  const l = s as LatencySummary;
  return `p50 ${l.p50Us} µs, p99 ${l.p99Us} µs, max ${l.maxUs} µs`;
};

/** The suite for bench/run.ts (`--quick` arrives as `options.quick`). */
export const latencySuite: BenchSuite = {
  name: 'latency',
  async run(options: MeasureOptions) {
    const json = await runLatency({ quick: options.quick ?? false });
    const lines = [
      `latency at ${RATE_PER_SECOND} frames/s, server write -> callback: raw ws ${describe(json['raw'])}`,
      `  connectMeeting ${describe(json['lib'])}; added p99 ${json['addedP99Us'] ?? 'n/a'} µs (goal <= ${LATENCY_GOAL_ADDED_P99_US})`,
    ];
    return { json, lines };
  },
};
