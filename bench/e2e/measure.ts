/**
 * The two per-client measurements of the e2e suites: throughput (frames/s while the server writes as
 * fast as the socket drains) and latency (server write → consumer callback at a fixed rate).
 */
import type { ClientFactory, ClientKind, Consumers, HasMsgId } from './clients/types.js';
import { buildFrameSet, type FrameKind, nanosSince, sequenceOfMsgId, stampOfMsgId } from './frames.js';
import { collectGarbage } from './gc.js';
import { libraryClientModule } from './library-build.js';
import type { RemoteFrameServer } from './server-process.js';

/** Loads the factory of a client kind; the library client is imported only when asked for. */
export async function loadClient(kind: ClientKind): Promise<ClientFactory> {
  switch (kind) {
    case 'raw':
      return (await import('./clients/raw-client.js')).connectRawClient;
    case 'rxjs':
      return (await import('./clients/rxjs-client.js')).connectRxjsClient;
    case 'lib': {
      const module = (await import(
        await libraryClientModule()
      )) as typeof import('./clients/library-client.js');
      return module.connectLibraryClient;
    }
  }
}

/** Which consumer a frame kind reaches. */
const CONSUMER_OF: Record<FrameKind, keyof Consumers> = {
  participantsDelta: 'participants',
  participantsFull: 'participants',
  speakers: 'speakers',
  dynamicFull: 'dynamicInfo',
};
const MIX_PATTERN = buildFrameSet('000000000').pattern.map((t) => CONSUMER_OF[t.kind]);

/** The last sequence in `[from, to]` each consumer should see; 0 if it sees none. */
function lastSequences(from: number, to: number): Record<keyof Consumers, number> {
  const last = { participants: 0, speakers: 0, dynamicInfo: 0 };
  for (let s = to; s >= from && (!last.participants || !last.speakers || !last.dynamicInfo); s--) {
    const consumer = MIX_PATTERN[(s - 1) % MIX_PATTERN.length]!;
    if (!last[consumer]) last[consumer] = s;
  }
  return last;
}

/** Waits until the server saw the client's Subscribe; fails loudly instead of hanging the bench. */
async function subscribed(server: RemoteFrameServer, confID: string, kind: ClientKind): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${kind} client never subscribed to ${confID}`)), 15_000);
  });
  try {
    await Promise.race([server.waitSubscribed(confID), limit]);
  } finally {
    clearTimeout(timer);
  }
}

let conferenceCounter = 0;
/** A fresh 9-digit conference ID per client, so every run starts with fresh versions. */
export function nextConferenceId(): string {
  conferenceCounter++;
  return String(300_000_000 + process.pid * 1000 + conferenceCounter).slice(-9);
}

/**
 * Consumers that count frames of the current window and resolve when each saw its last frame.
 * `onFrame` gets every frame of the window (for latency samples).
 */
class WindowTracker {
  delivered = 0;
  private from = 1;
  private to = 0;
  private last = { participants: 0, speakers: 0, dynamicInfo: 0 };
  private seen = { participants: false, speakers: false, dynamicInfo: false };
  private done: (() => void) | undefined;
  onFrame: ((message: HasMsgId) => void) | undefined;

  readonly consumers: Consumers = {
    participants: (m) => this.consume('participants', m),
    speakers: (m) => this.consume('speakers', m),
    dynamicInfo: (m) => this.consume('dynamicInfo', m),
  };

  private consume(consumer: keyof Consumers, m: HasMsgId): void {
    const seq = sequenceOfMsgId(m.msgID);
    if (seq < this.from || seq > this.to) return;
    this.delivered++;
    this.onFrame?.(m);
    if (seq === this.last[consumer]) {
      this.seen[consumer] = true;
      if (this.complete()) this.done?.();
    }
  }

  private complete(): boolean {
    return (
      (this.seen.participants || !this.last.participants) &&
      (this.seen.speakers || !this.last.speakers) &&
      (this.seen.dynamicInfo || !this.last.dynamicInfo)
    );
  }

  /** Opens the window `[from, from + count)` and resolves when it is complete or after `timeoutMs`. */
  window(from: number, count: number, timeoutMs: number): { finished: Promise<boolean> } {
    this.from = from;
    this.to = from + count - 1;
    this.delivered = 0;
    this.last = lastSequences(this.from, this.to);
    this.seen = { participants: false, speakers: false, dynamicInfo: false };
    const finished = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.done = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    return { finished };
  }
}

/** One throughput run. */
export interface ThroughputRun {
  readonly kind: ClientKind;
  /**
   * Frames per second of this process's CPU time (user + system, all threads) while the frames
   * were received: the client's cost per frame, which other processes on a shared machine do not
   * change. The server runs in another process and is not counted.
   */
  readonly framesPerCpuSec: number;
  /** Frames per second of wall time (what a quiet machine shows; on a busy one, mostly noise). */
  readonly framesPerSec: number;
  /** CPU time of this process during the window, ms. */
  readonly cpuMs: number;
  readonly frames: number;
  readonly delivered: number;
  readonly ms: number;
  readonly timedOut: boolean;
}

/** Options of {@link measureThroughput}. */
export interface ThroughputOptions {
  readonly frames: number;
  readonly warmupFrames: number;
  readonly timeoutMs: number;
}

/**
 * Connects one client of `kind`, warms it up, then times `frames` frames of the mix from the push
 * command until all three consumers got their last frame.
 */
export async function measureThroughput(
  server: RemoteFrameServer,
  kind: ClientKind,
  options: ThroughputOptions,
  connect?: ClientFactory,
): Promise<ThroughputRun> {
  const warmup = {
    frames: options.warmupFrames,
    timeoutMs: options.timeoutMs,
    send: (confID: string, count: number) => server.burst(confID, count),
  };
  return withWarmClient(server, kind, connect, warmup, async (confID, tracker) => {
    const measured = tracker.window(options.warmupFrames + 1, options.frames, options.timeoutMs);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    void server.burst(confID, options.frames);
    const completed = await measured.finished;
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const counted = completed ? options.frames : tracker.delivered;
    return {
      kind,
      framesPerCpuSec: Math.round(counted / (cpuMs / 1000)),
      cpuMs: Math.round(cpuMs),
      framesPerSec: Math.round(counted / (ms / 1000)),
      frames: options.frames,
      delivered: tracker.delivered,
      ms: Math.round(ms),
      timedOut: !completed,
    };
  });
}

/** One latency run: a sample per delivered frame, in ns. */
export interface LatencyRun {
  readonly kind: ClientKind;
  readonly delivered: number;
  readonly samplesNs: readonly number[];
}

/** Options of {@link measureLatency}. */
export interface LatencyOptions {
  readonly frames: number;
  readonly warmupFrames: number;
  readonly perSecond: number;
}

/**
 * Connects one client of `kind` and, at `perSecond` frames/s, records for every frame the time from
 * the server's socket write (the stamp in its msgID) to the consumer callback.
 */
export async function measureLatency(
  server: RemoteFrameServer,
  kind: ClientKind,
  options: LatencyOptions,
  connect?: ClientFactory,
): Promise<LatencyRun> {
  const slack = 5_000 + (2 * (options.frames + options.warmupFrames) * 1000) / options.perSecond;
  const warmup = {
    frames: options.warmupFrames,
    timeoutMs: slack,
    send: (confID: string, count: number) => server.paced(confID, count, options.perSecond),
  };
  return withWarmClient(server, kind, connect, warmup, async (confID, tracker) => {
    const samples: number[] = [];
    tracker.onFrame = (m) => samples.push(nanosSince(stampOfMsgId(m.msgID)));
    const measured = tracker.window(options.warmupFrames + 1, options.frames, slack);
    await server.paced(confID, options.frames, options.perSecond);
    await measured.finished;
    tracker.onFrame = undefined;
    return { kind, delivered: tracker.delivered, samplesNs: samples };
  });
}

/** How a measurement warms its client up before the measured window. */
interface Warmup {
  readonly frames: number;
  readonly timeoutMs: number;
  readonly send: (confID: string, count: number) => Promise<unknown>;
}

/**
 * What every measurement does around its measured window: connects one client of `kind` to a fresh
 * conference, waits for its Subscribe, sends the warm-up frames and waits for all of them, collects
 * garbage, runs `measure`, and closes the client whatever happens.
 */
async function withWarmClient<T>(
  server: RemoteFrameServer,
  kind: ClientKind,
  connect: ClientFactory | undefined,
  warmup: Warmup,
  measure: (confID: string, tracker: WindowTracker) => Promise<T>,
): Promise<T> {
  const factory = connect ?? (await loadClient(kind));
  const confID = nextConferenceId();
  const tracker = new WindowTracker();
  const client = await factory({ baseUrl: server.baseUrl, confID }, tracker.consumers);
  try {
    await subscribed(server, confID, kind);
    const warm = tracker.window(1, warmup.frames, warmup.timeoutMs);
    await warmup.send(confID, warmup.frames);
    await warm.finished;
    collectGarbage();
    return await measure(confID, tracker);
  } finally {
    await client.close();
  }
}
