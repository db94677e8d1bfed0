/**
 * Latency at a steady rate (issue 5, item 2): for every frame, the time from the bench server's
 * socket write to the consumer callback, for (a) raw `ws` + `JSON.parse` and (c) `connectMeeting`.
 *
 * Each client runs in its own child process (latency-client.ts), connected for the whole run to its
 * own conference; the server (a third process) stamps each frame with `process.hrtime` just before
 * its socket write. hrtime is CLOCK_MONOTONIC, one clock for every process on the machine, so a
 * client subtracts the stamp from its own hrtime in the callback.
 *
 * Why short alternating blocks: on the shared 2-core VM the tail is set by stalls the bench does not
 * cause (other people's processes holding both cores, the kernel's `kdamond`, hypervisor wake-ups),
 * 1–6 ms long, hitting 1–2 % of frames. With long blocks one client's p99 can land in a busy minute
 * and the other's in a quiet one; with 250-frame blocks alternating raw, lib, lib, raw, … both
 * clients sample the same minutes. Only one client receives at a time, so they never compete for a
 * core. Added latency = p99(c) − p99(a).
 */
import { loadavg } from 'node:os';
import type { ClientKind } from '../e2e/clients/types.js';
import { buildFrameSet, type FrameKind } from '../e2e/frames.js';
import { forkLatencyClient, type LatencyClient, type LatencySamples } from '../e2e/latency-client.js';
import { loadClient, nextConferenceId } from '../e2e/measure.js';
import { forkFrameServer } from '../e2e/server-process.js';
import { type LatencySummary, round, summariseLatency } from '../e2e/stats.js';
import type { BenchSuite, MeasureOptions } from '../harness.js';

/** Issue 5 goal: p99 added over raw ws at 1,000 frames/s, in microseconds. */
export const LATENCY_GOAL_ADDED_P99_US = 100;
const RATE_PER_SECOND = 1_000;

interface Pooled {
  readonly totalNs: number[];
  readonly inProcessNs: number[];
  readonly sequences: number[];
}

/** The kind of frame each sequence number carries (the mix repeats every 100 frames). */
const PATTERN = buildFrameSet('000000000').pattern.map((t) => t.kind);
const kindOf = (sequence: number): FrameKind => PATTERN[(sequence - 1) % PATTERN.length]!;

const loadAverage = () => loadavg().map((l) => round(l, 2));

/** Sends `count` frames from `from` on to `client`'s conference and returns its samples of them. */
async function window(
  server: Awaited<ReturnType<typeof forkFrameServer>>,
  client: LatencyClient,
  confID: string,
  from: number,
  count: number,
  collect: boolean,
): Promise<LatencySamples> {
  const timeoutMs = 10_000 + (2 * count * 1000) / RATE_PER_SECOND;
  const w = client.window(from, count, timeoutMs, collect);
  await w.opened;
  await server.paced(confID, count, RATE_PER_SECOND);
  return w.finished;
}

/**
 * Runs the latency comparison at 1,000 frames/s of the mix.
 * @returns `{ raw, lib, addedP99Us, … }` with p50/p99/max in µs; `lib` and `addedP99Us` are `null`
 *   when the library client is not available.
 */
export async function runLatency(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  const rounds = opts.quick ? 6 : 40;
  const framesPerBlock = 250;
  const warmupFrames = 2_000;
  const kinds: ClientKind[] = ['raw'];
  if (
    await loadClient('lib').then(
      () => true,
      () => false,
    )
  )
    kinds.push('lib');
  const loadBefore = loadAverage();
  const pooled = new Map<ClientKind, Pooled>(
    kinds.map((k) => [k, { totalNs: [], inProcessNs: [], sequences: [] }]),
  );
  const server = await forkFrameServer();
  const clients: LatencyClient[] = [];
  try {
    clients.push(...(await Promise.all(kinds.map((k) => forkLatencyClient(k)))));
    const confIDs = clients.map(() => nextConferenceId());
    for (const [i, c] of clients.entries()) {
      await c.connect(server.baseUrl, confIDs[i]!);
      await server.waitSubscribed(confIDs[i]!);
    }
    // Warm-up: each client JITs its hot path before anything counts, then starts from a clean heap.
    for (const [i, c] of clients.entries()) await window(server, c, confIDs[i]!, 1, warmupFrames, false);
    for (const [i, c] of clients.entries()) {
      await window(server, c, confIDs[i]!, warmupFrames + 1, 1, true);
    }
    let next = warmupFrames + 2;
    // Two blocks per client per round, in the order raw, lib, lib, raw (ABBA), so neither client is
    // always the one measured right after the other or right after a GC.
    for (let r = 0; r < rounds; r++) {
      const order = [...clients.keys(), ...[...clients.keys()].reverse()];
      for (const [k, i] of order.entries()) {
        const from = next + (k < clients.length ? 0 : framesPerBlock);
        const samples = await window(server, clients[i]!, confIDs[i]!, from, framesPerBlock, false);
        const p = pooled.get(kinds[i]!)!;
        p.totalNs.push(...samples.totalNs);
        p.inProcessNs.push(...samples.inProcessNs);
        p.sequences.push(...samples.sequences);
      }
      next += 2 * framesPerBlock;
    }
  } finally {
    await Promise.all(clients.map((c) => c.close()));
    await server.close();
  }
  // Each quarter of the run on its own: how far a quarter's added p99 strays from the pooled one.
  const quarters = [0, 1, 2, 3].map((q) => {
    const part = (kind: ClientKind) => {
      const s = pooled.get(kind)?.totalNs ?? [];
      const n = Math.floor(s.length / 4);
      return n > 0 ? summariseLatency(s.slice(q * n, (q + 1) * n)) : null;
    };
    const [r, l] = [part('raw'), part('lib')];
    return {
      rawP99Us: r?.p99Us ?? null,
      libP99Us: l?.p99Us ?? null,
      addedP99Us: r && l ? round(l.p99Us - r.p99Us, 1) : null,
    };
  });
  /** The in-process part per frame kind: which frames make the tail. */
  const inProcessByKind = (kind: ClientKind) => {
    const p = pooled.get(kind);
    if (p === undefined) return null;
    const byKind = new Map<FrameKind, number[]>();
    p.sequences.forEach((sequence, i) => {
      const k = kindOf(sequence);
      const list = byKind.get(k) ?? [];
      list.push(p.inProcessNs[i]!);
      byKind.set(k, list);
    });
    return Object.fromEntries(
      [...byKind].map(([k, ns]) => {
        const s = summariseLatency(ns);
        return [k, { samples: ns.length, p50Us: s.p50Us, p99Us: s.p99Us }];
      }),
    );
  };
  const summary = (kind: ClientKind, part: 'totalNs' | 'inProcessNs'): LatencySummary | null => {
    const s = pooled.get(kind)?.[part];
    return s && s.length > 0 ? summariseLatency(s) : null;
  };
  const raw = summary('raw', 'totalNs');
  const lib = summary('lib', 'totalNs');
  const rawIn = summary('raw', 'inProcessNs');
  const libIn = summary('lib', 'inProcessNs');
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
    framesPerClient: rounds * 2 * framesPerBlock,
    // Socket `data` event → consumer callback, inside the client's process: the client's own share.
    inProcess: { raw: rawIn, lib: libIn },
    addedInProcessP50Us: rawIn && libIn ? round(libIn.p50Us - rawIn.p50Us, 1) : null,
    addedInProcessP99Us: rawIn && libIn ? round(libIn.p99Us - rawIn.p99Us, 1) : null,
    inProcessByKind: { raw: inProcessByKind('raw'), lib: inProcessByKind('lib') },
    quarters,
    method: 'each client in its own process; 250-frame blocks alternating raw, lib, lib, raw',
    loadAverage: { before: loadBefore, after: loadAverage() },
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
    const inProcess = json['inProcess'] as { raw: unknown; lib: unknown };
    const lines = [
      `latency at ${RATE_PER_SECOND} frames/s, server write -> callback: raw ws ${describe(json['raw'])}`,
      `  connectMeeting ${describe(json['lib'])}; added p99 ${json['addedP99Us'] ?? 'n/a'} µs (goal <= ${LATENCY_GOAL_ADDED_P99_US})`,
      `  in-process (socket data -> callback): raw ws ${describe(inProcess.raw)}; connectMeeting ${describe(inProcess.lib)}`,
    ];
    return { json, lines };
  },
};
