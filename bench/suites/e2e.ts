/**
 * End-to-end throughput (issue 5, item 1): frames/s through three consumers for
 * (a) raw `ws` + `JSON.parse`, (b) RxJS `webSocket()` + io-ts, (c) this library's `connectMeeting`,
 * against the same pre-built mix written by a bench server in a child process. Rounds alternate the
 * clients in short blocks so drift on a shared machine hits all three alike; each figure is the
 * median over the rounds.
 */
import type { ClientKind } from '../e2e/clients/types.js';
import { buildFrameSet, MIX_PER_100 } from '../e2e/frames.js';
import { type BlockRun, loadClient, measureInterleaved } from '../e2e/measure.js';
import { forkFrameServer } from '../e2e/server-process.js';
import { median, quantile, round } from '../e2e/stats.js';
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
  // All three clients stay connected and take turns, one short block each per round (the order
  // rotating), so the three blocks of a round run within a fraction of a second of each other. On
  // this shared machine even CPU time drifts: one client's frames per CPU-second moved by up to 45 %
  // between rounds a few seconds apart, as when another VM's busy thread shares the physical core.
  // The per-round ratios cancel that drift; their median over many rounds is the headline.
  const options = {
    blockFrames: opts.quick ? 5_000 : 10_000,
    rounds: opts.quick ? 8 : 40,
    warmupFrames: opts.quick ? 5_000 : 20_000,
    timeoutMs: opts.quick ? 10_000 : 30_000,
  };
  const kinds: ClientKind[] = ['raw', 'rxjs'];
  if (await libraryAvailable()) kinds.push('lib');
  const server = await forkFrameServer();
  let runs: BlockRun[];
  try {
    runs = await measureInterleaved(server, kinds, options);
  } finally {
    await server.close();
  }
  const of = (kind: ClientKind) => runs.filter((r) => r.kind === kind).sort((x, y) => x.round - y.round);
  const perCpuSec = (r: BlockRun) => r.frames / (r.cpuMs / 1000);
  const perSec = (r: BlockRun) => r.frames / (r.ms / 1000);
  const summary = (kind: ClientKind) => {
    const mine = of(kind);
    if (mine.length === 0) return null;
    return {
      framesPerCpuSec: Math.round(median(mine.map(perCpuSec))),
      framesPerSec: Math.round(median(mine.map(perSec))),
      runsPerCpuSec: mine.map((r) => Math.round(perCpuSec(r))),
      cpuShare: round(median(mine.map((r) => r.cpuMs / r.ms)), 2),
      timedOut: mine.some((r) => r.timedOut),
    };
  };
  const perRound = (num: ClientKind, den: ClientKind, rate = perCpuSec): number[] | null => {
    const a = of(num);
    const b = of(den);
    if (a.length === 0 || a.length !== b.length) return null;
    return a.map((r, i) => rate(r) / rate(b[i]!));
  };
  const ratio = (num: ClientKind, den: ClientKind, rate = perCpuSec): number | null => {
    const ratios = perRound(num, den, rate);
    return ratios === null ? null : round(median(ratios), 3);
  };
  /** The middle half of the per-round ratios: how far one round can be off. */
  const quartiles = (num: ClientKind, den: ClientKind): [number, number] | null => {
    const ratios = perRound(num, den);
    return ratios === null ? null : [round(quantile(ratios, 0.25), 3), round(quantile(ratios, 0.75), 3)];
  };
  /** All frames over all CPU time of each client: the mean cost, for comparison with the median. */
  const pooled = (num: ClientKind, den: ClientKind): number | null => {
    const rate = (kind: ClientKind) => {
      const mine = of(kind);
      return mine.reduce((n, r) => n + r.frames, 0) / mine.reduce((t, r) => t + r.cpuMs, 0);
    };
    return of(num).length > 0 && of(den).length > 0 ? round(rate(num) / rate(den), 3) : null;
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
    interquartile: {
      libVsRaw: quartiles('lib', 'raw'),
      libVsRxjs: quartiles('lib', 'rxjs'),
      rxjsVsRaw: quartiles('rxjs', 'raw'),
    },
    pooled: {
      libVsRaw: pooled('lib', 'raw'),
      libVsRxjs: pooled('lib', 'rxjs'),
      rxjsVsRaw: pooled('rxjs', 'raw'),
    },
    wallClock: {
      libVsRaw: ratio('lib', 'raw', perSec),
      libVsRxjs: ratio('lib', 'rxjs', perSec),
      rxjsVsRaw: ratio('rxjs', 'raw', perSec),
    },
    raw,
    rxjs,
    lib,
    framesPerBlock: options.blockFrames,
    rounds: options.rounds,
    mix: {
      perHundred: MIX_PER_100,
      meanPayloadBytes: Math.round(buildFrameSet('000000000').meanPayloadBytes),
    },
    ...(lib ? {} : { note: 'connectMeeting not available: library client skipped' }),
  };
}

const rate = (r: unknown) =>
  r && typeof r === 'object'
    ? `${Math.round((r as { framesPerCpuSec: number }).framesPerCpuSec).toLocaleString('en-US')}`
    : 'n/a';

const middleHalf = (json: Record<string, unknown>, key: string): string => {
  const range = (json['interquartile'] as Record<string, [number, number] | null> | undefined)?.[key];
  return range ? `${range[0]}–${range[1]}` : 'n/a';
};

/** The suite for bench/run.ts (`--quick` arrives as `options.quick`). */
export const e2eSuite: BenchSuite = {
  name: 'e2e',
  async run(options: MeasureOptions) {
    const json = await runE2e({ quick: options.quick ?? false });
    const lines = [
      `e2e throughput (frames per client CPU-second, 3 consumers): raw ws ${rate(json['raw'])}, rxjs+io-ts ${rate(json['rxjs'])}, connectMeeting ${rate(json['lib'])}`,
      `  lib/raw ${json['libVsRaw'] ?? 'n/a'} (goal >= ${THROUGHPUT_GOALS.libVsRaw}), lib/rxjs ${json['libVsRxjs'] ?? 'n/a'} (goal >= ${THROUGHPUT_GOALS.libVsRxjs}), rxjs/raw ${json['rxjsVsRaw'] ?? 'n/a'}`,
      `  middle half of the rounds: lib/raw ${middleHalf(json, 'libVsRaw')}, lib/rxjs ${middleHalf(json, 'libVsRxjs')}`,
    ];
    return { json, lines };
  },
};
