/**
 * Memory and scale (issue 5, item 3): N meetings watched by one process against the bench server on
 * loopback, for bare `ws` connections (the floor) and for `connectMeeting`.
 *
 * Each configuration runs in two fresh child processes — the bench server and the watching client —
 * so the client's RSS and heap hold only the meetings (one process would also count the server's
 * sockets and the garbage of earlier suites). Per meeting: RSS and heap+external growth from before
 * bring-up to all-live (after a full GC), bring-up time, and CPU while idle.
 *
 * Idle CPU: the meetings heartbeat every second per 1,000 meetings during a short window; CPU per heartbeat is the
 * client's CPU time over the window divided by the heartbeats the server counted. At §7's 60 s
 * interval an idle meeting sends one heartbeat a minute, so CPU per idle meeting-minute is that
 * figure (this assumes idle cost is per heartbeat/echo; any per-meeting timer work in between is
 * included pro rata, since it ran during the window too).
 *
 * File descriptors: one socket per meeting in each process (client and server are separate
 * processes), plus pooled REST sockets; 5,000 meetings stay well under the 20,000 limit.
 */

import { loadClient } from '../e2e/measure.js';
import type { ScaleMode } from '../e2e/scale-client.js';
import { runScaleClient } from '../e2e/scale-client.js';
import { forkFrameServer } from '../e2e/server-process.js';
import { round } from '../e2e/stats.js';
import type { BenchSuite, MeasureOptions } from '../harness.js';

/** Issue 5 goal: memory per meeting ≤ 2 × bare ws + 16 KiB. */
export const MEMORY_GOAL = { factor: 2, plusKiB: 16 } as const;
/**
 * Heartbeat interval while measuring: one second per 1,000 meetings, so the client handles about
 * 1,000 heartbeats (and echoes) per second at every size instead of drowning at 5,000.
 */
const heartbeatMsFor = (meetings: number) => Math.max(1_000, meetings);

interface ScaleRow {
  readonly mode: ScaleMode;
  readonly meetings: number;
  readonly live: number;
  readonly upMs: number;
  readonly rssPerMeetingKiB: number;
  /** Client RSS with all meetings live (after a full GC), MiB. */
  readonly rssAllLiveMiB: number;
  readonly heapPerMeetingKiB: number;
  /**
   * V8's heap as committed (`heapTotal`): the live objects plus the free space left in their pages
   * by objects that died after being promoted (bring-up's REST calls, for instance).
   */
  readonly heapTotalPerMeetingKiB: number;
  readonly externalPerMeetingKiB: number;
  readonly cpuUsPerHeartbeat: number;
  readonly cpuUsPerIdleMeetingMinute: number;
  /** Client CPU during the idle window at the short measuring interval, % of one core. */
  readonly idleCpuPercent: number;
  readonly heartbeatMs: number;
  readonly heartbeatsInWindow: number;
  readonly serverUpgrades: number;
  readonly stillLiveAfterIdle: number;
}

async function measureScale(
  mode: ScaleMode,
  meetings: number,
  quick: boolean,
  index: number,
): Promise<ScaleRow> {
  const server = await forkFrameServer({ snapshot: true });
  const heartbeatMs = heartbeatMsFor(meetings);
  const client = await runScaleClient({
    mode,
    meetings,
    baseUrl: server.baseUrl,
    heartbeatMs,
    concurrency: 100,
    upTimeoutMs: quick ? 30_000 : 180_000,
    firstConfID: 500_000_000 + index * 10_000,
    idleWindowMs: quick ? 3_000 : Math.max(6_000, 2 * heartbeatMs),
    settleMs: quick ? 5_000 : 6_000,
  });
  try {
    const up = await client.up();
    const s0 = await server.stats();
    const idle = await client.idle();
    const s1 = await server.stats();
    const heartbeats = s1.heartbeats - s0.heartbeats;
    const kib = (bytes: number) => round(bytes / meetings / 1024, 2);
    const cpuUsPerHeartbeat = heartbeats > 0 ? idle.cpuUs / heartbeats : Number.NaN;
    return {
      mode,
      meetings,
      live: up.live,
      upMs: Math.round(up.upMs),
      rssPerMeetingKiB: kib(up.after.rss - up.before.rss),
      rssAllLiveMiB: round(up.after.rss / 2 ** 20, 1),
      heapPerMeetingKiB: kib(up.after.heapUsed - up.before.heapUsed),
      heapTotalPerMeetingKiB: kib(up.after.heapTotal - up.before.heapTotal),
      externalPerMeetingKiB: kib(up.after.external - up.before.external),
      cpuUsPerHeartbeat: round(cpuUsPerHeartbeat, 1),
      // At the recommended 60 s interval a meeting sends one heartbeat per minute.
      cpuUsPerIdleMeetingMinute: round(cpuUsPerHeartbeat * (60_000 / 60_000), 1),
      idleCpuPercent: round((idle.cpuUs / 1000 / idle.windowMs) * 100, 1),
      heartbeatMs,
      heartbeatsInWindow: heartbeats,
      serverUpgrades: s1.upgrades,
      stillLiveAfterIdle: idle.stillLive,
    };
  } finally {
    await client.close();
    await server.close();
  }
}

/**
 * Runs the scale comparison: 1,000 and 5,000 meetings (quick: 200), bare ws then the library.
 * @returns one row per configuration and, per size, whether the memory goal and the all-live goal hold.
 */
export async function runScale(opts: {
  quick: boolean;
  /** Meeting counts to run instead of the defaults (1,000 and 5,000; quick: 200). */
  sizes?: readonly number[];
}): Promise<Record<string, unknown>> {
  const sizes = opts.sizes ?? (opts.quick ? [200] : [1_000, 5_000]);
  const modes: ScaleMode[] = ['bare'];
  if (
    await loadClient('lib').then(
      () => true,
      () => false,
    )
  )
    modes.push('lib');
  const rows: ScaleRow[] = [];
  let index = 0;
  for (const meetings of sizes) {
    for (const mode of modes) rows.push(await measureScale(mode, meetings, opts.quick, index++));
  }
  const goals = sizes.map((meetings) => {
    const bare = rows.find((r) => r.mode === 'bare' && r.meetings === meetings);
    const lib = rows.find((r) => r.mode === 'lib' && r.meetings === meetings);
    if (!bare || !lib) return { meetings, memoryGoalKiB: null, met: null };
    const memoryGoalKiB = round(MEMORY_GOAL.factor * bare.rssPerMeetingKiB + MEMORY_GOAL.plusKiB, 2);
    return {
      meetings,
      memoryGoalKiB,
      libRssPerMeetingKiB: lib.rssPerMeetingKiB,
      memoryMet: lib.rssPerMeetingKiB <= memoryGoalKiB,
      allLive: lib.live === meetings,
    };
  });
  // RSS growth per meeting between the two sizes: the fixed costs of a process that grew (heap
  // spaces, compiled code) cancel out, leaving what one more meeting costs.
  const marginal = modes.map((mode) => {
    const small = rows.find((r) => r.mode === mode && r.meetings === sizes[0]);
    const large = rows.find((r) => r.mode === mode && r.meetings === sizes[sizes.length - 1]);
    if (!small || !large || small === large) return { mode, rssKiBPerExtraMeeting: null };
    const kib = ((large.rssAllLiveMiB - small.rssAllLiveMiB) * 1024) / (large.meetings - small.meetings);
    return { mode, rssKiBPerExtraMeeting: round(kib, 2) };
  });
  return {
    rows,
    goals,
    marginal,
    ...(modes.includes('lib') ? {} : { note: 'connectMeeting not available: library rows skipped' }),
  };
}

/** The suite for bench/run.ts (`--quick` arrives as `options.quick`). */
export const scaleSuite: BenchSuite = {
  name: 'scale',
  async run(options: MeasureOptions) {
    const json = await runScale({ quick: options.quick ?? false });
    const lines = (json['rows'] as ScaleRow[]).map(
      (r) =>
        `scale ${r.mode.padEnd(4)} ${String(r.meetings).padStart(5)} meetings: live ${r.live}, up in ${r.upMs} ms, ` +
        `RSS ${r.rssPerMeetingKiB} KiB/meeting, heap ${r.heapPerMeetingKiB} KiB/meeting, ` +
        `idle ${r.cpuUsPerIdleMeetingMinute} µs CPU/meeting/min`,
    );
    for (const goal of json['goals'] as {
      meetings: number;
      memoryGoalKiB: number | null;
      memoryMet?: boolean;
    }[]) {
      if (goal.memoryGoalKiB === null) continue;
      lines.push(
        `  ${goal.meetings} meetings: memory goal <= ${goal.memoryGoalKiB} KiB RSS per meeting (2 x bare + ${MEMORY_GOAL.plusKiB}): ${goal.memoryMet ? 'met' : 'not met'}`,
      );
    }
    return { json, lines };
  },
};
