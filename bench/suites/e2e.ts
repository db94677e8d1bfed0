/**
 * End-to-end throughput (issue 5, item 1): frames/s through three consumers for
 * (a) raw `ws` + `JSON.parse`, (b) RxJS `webSocket()` + io-ts, (c) this library's `connectMeeting`,
 * against the same pre-built mix written by a bench server in a child process. Rounds alternate the
 * clients so drift on a shared machine hits all three alike; each figure is the median of its rounds.
 */
import type { ClientKind } from '../e2e/clients/types.js';
import { buildFrameSet, MIX_PER_100 } from '../e2e/frames.js';
import { loadClient, measureThroughput, type ThroughputRun } from '../e2e/measure.js';
import { forkFrameServer } from '../e2e/server-process.js';
import { median, round } from '../e2e/stats.js';
import type { BenchSuite, MeasureOptions } from '../harness.js';

/** Issue 5 goals for the throughput ratios. */
export const THROUGHPUT_GOALS = { libVsRaw: 0.6, libVsRxjs: 1.5 } as const;

/** Whether the library client can be loaded (connectMeeting may not exist yet in a partial tree). */
async function libraryAvailable(): Promise<boolean> {
  try {
    await loadClient('lib');
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the throughput comparison.
 * @returns `{ libVsRaw, libVsRxjs, raw, rxjs, lib, … }`; ratios are `null` when the library client is
 *   not available.
 */
export async function runE2e(opts: { quick: boolean }): Promise<Record<string, unknown>> {
  // Many short rounds rather than a few long ones: on a shared machine the per-round ratio is what
  // stays stable, and its median over the rounds shrugs off a round hit by a neighbour.
  const frames = opts.quick ? 15_000 : 60_000;
  const rounds = opts.quick ? 3 : 7;
  const options = {
    frames,
    warmupFrames: opts.quick ? 5_000 : 10_000,
    timeoutMs: opts.quick ? 10_000 : 30_000,
  };
  const kinds: ClientKind[] = ['raw', 'rxjs'];
  if (await libraryAvailable()) kinds.push('lib');
  const runs: ThroughputRun[] = [];
  const server = await forkFrameServer();
  try {
    for (let r = 0; r < rounds; r++) {
      // Rotate the order each round so no client always runs first (JIT, CPU frequency, neighbours).
      const order = kinds.map((_, i) => kinds[(i + r) % kinds.length]!);
      for (const kind of order) runs.push(await measureThroughput(server, kind, options));
    }
  } finally {
    await server.close();
  }
  const summary = (kind: ClientKind) => {
    const mine = runs.filter((r) => r.kind === kind);
    if (mine.length === 0) return null;
    return {
      framesPerCpuSec: median(mine.map((r) => r.framesPerCpuSec)),
      framesPerSec: median(mine.map((r) => r.framesPerSec)),
      runsPerCpuSec: mine.map((r) => r.framesPerCpuSec),
      runsWall: mine.map((r) => r.framesPerSec),
      cpuShare: mine.map((r) => round(r.cpuMs / r.ms, 2)),
      timedOut: mine.some((r) => r.timedOut),
      delivered: mine.map((r) => r.delivered),
    };
  };
  // Ratios are the median of per-round ratios: both clients of a round ran under the same
  // conditions. The headline ratios use frames per CPU-second of the client process, which a busy
  // machine does not skew (wall-time rates on a shared 2-core machine varied 2–4× between rounds).
  const ratio = (num: ClientKind, den: ClientKind, rate: Rate = 'framesPerCpuSec'): number | null => {
    const a = runs.filter((r) => r.kind === num);
    const b = runs.filter((r) => r.kind === den);
    if (a.length === 0 || a.length !== b.length) return null;
    return round(median(a.map((r, i) => r[rate] / b[i]![rate])), 3);
  };
  const raw = summary('raw');
  const rxjs = summary('rxjs');
  const lib = summary('lib');
  const libVsRaw = ratio('lib', 'raw');
  const libVsRxjs = ratio('lib', 'rxjs');
  return {
    libVsRaw,
    libVsRxjs,
    goals: {
      libVsRaw: {
        min: THROUGHPUT_GOALS.libVsRaw,
        met: libVsRaw !== null && libVsRaw >= THROUGHPUT_GOALS.libVsRaw,
      },
      libVsRxjs: {
        min: THROUGHPUT_GOALS.libVsRxjs,
        met: libVsRxjs !== null && libVsRxjs >= THROUGHPUT_GOALS.libVsRxjs,
      },
    },
    rxjsVsRaw: ratio('rxjs', 'raw'),
    basis: 'frames per CPU-second of the client process, median of per-round ratios',
    wallClock: {
      libVsRaw: ratio('lib', 'raw', 'framesPerSec'),
      libVsRxjs: ratio('lib', 'rxjs', 'framesPerSec'),
      rxjsVsRaw: ratio('rxjs', 'raw', 'framesPerSec'),
    },
    raw,
    rxjs,
    lib,
    framesPerRun: frames,
    rounds,
    mix: {
      perHundred: MIX_PER_100,
      meanPayloadBytes: Math.round(buildFrameSet('000000000').meanPayloadBytes),
    },
    ...(lib ? {} : { note: 'connectMeeting not available: library client skipped' }),
  };
}

type Rate = 'framesPerCpuSec' | 'framesPerSec';

const rate = (r: unknown) =>
  r && typeof r === 'object'
    ? `${Math.round((r as { framesPerCpuSec: number }).framesPerCpuSec).toLocaleString('en-US')}`
    : 'n/a';

/** The suite for bench/run.ts (`--quick` arrives as `options.quick`). */
export const e2eSuite: BenchSuite = {
  name: 'e2e',
  async run(options: MeasureOptions) {
    const json = await runE2e({ quick: options.quick ?? false });
    const lines = [
      `e2e throughput (frames per client CPU-second, 3 consumers): raw ws ${rate(json['raw'])}, rxjs+io-ts ${rate(json['rxjs'])}, connectMeeting ${rate(json['lib'])}`,
      `  lib/raw ${json['libVsRaw'] ?? 'n/a'} (goal >= ${THROUGHPUT_GOALS.libVsRaw}), lib/rxjs ${json['libVsRxjs'] ?? 'n/a'} (goal >= ${THROUGHPUT_GOALS.libVsRxjs}), rxjs/raw ${json['rxjsVsRaw'] ?? 'n/a'}`,
    ];
    return { json, lines };
  },
};
