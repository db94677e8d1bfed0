/**
 * What the e2e suites share: loading a client, counting its frames in windows, and the interleaved
 * throughput measurement (frames per CPU-second while the server writes as fast as the socket drains).
 */
import type { ClientFactory, ClientKind, Consumers, HasMsgId } from './clients/types.js';
import { buildFrameSet, type FrameKind, sequenceOfMsgId } from './frames.js';
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
export class WindowTracker {
  /** Frames of the current window the consumers got. */
  delivered = 0;
  private from = 1;
  private to = 0;
  private last = { participants: 0, speakers: 0, dynamicInfo: 0 };
  private seen = { participants: false, speakers: false, dynamicInfo: false };
  private done: (() => void) | undefined;
  /** Called with every frame of the current window. */
  onFrame: ((message: HasMsgId) => void) | undefined;

  /** The three consumers to hand to a client. */
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

/** Options of {@link measureInterleaved}. */
export interface InterleavedOptions {
  /** Frames per block; one block per client per round. */
  readonly blockFrames: number;
  readonly rounds: number;
  readonly warmupFrames: number;
  readonly timeoutMs: number;
}

/** One client's block of an interleaved round. */
export interface BlockRun {
  readonly kind: ClientKind;
  readonly round: number;
  readonly frames: number;
  readonly cpuMs: number;
  readonly ms: number;
  readonly timedOut: boolean;
}

/**
 * Throughput of several clients measured in alternation: every client is connected (each to its own
 * conference) and warmed up first, then each round sends one block to each client in turn (the
 * order rotating per round), timing the process's CPU while that client alone receives. The
 * clients of a round run within a fraction of a second of each other, so a change in the machine's
 * speed between rounds hits them alike; idle clients cost nothing meanwhile (their heartbeats are
 * a minute apart).
 */
export async function measureInterleaved(
  server: RemoteFrameServer,
  kinds: readonly ClientKind[],
  options: InterleavedOptions,
): Promise<BlockRun[]> {
  const clients: { kind: ClientKind; confID: string; tracker: WindowTracker; close(): Promise<void> }[] = [];
  try {
    for (const kind of kinds) {
      const factory = await loadClient(kind);
      const confID = nextConferenceId();
      const tracker = new WindowTracker();
      const client = await factory({ baseUrl: server.baseUrl, confID }, tracker.consumers);
      clients.push({ kind, confID, tracker, close: () => client.close() });
      await subscribed(server, confID, kind);
      const warm = tracker.window(1, options.warmupFrames, options.timeoutMs);
      await server.burst(confID, options.warmupFrames);
      await warm.finished;
    }
    collectGarbage();
    const runs: BlockRun[] = [];
    for (let round = 0; round < options.rounds; round++) {
      for (let i = 0; i < clients.length; i++) {
        const client = clients[(i + round) % clients.length]!;
        const from = options.warmupFrames + 1 + round * options.blockFrames;
        const measured = client.tracker.window(from, options.blockFrames, options.timeoutMs);
        const cpu0 = process.cpuUsage();
        const t0 = performance.now();
        void server.burst(client.confID, options.blockFrames);
        const completed = await measured.finished;
        const ms = performance.now() - t0;
        const cpu = process.cpuUsage(cpu0);
        runs.push({
          kind: client.kind,
          round,
          frames: completed ? options.blockFrames : client.tracker.delivered,
          cpuMs: (cpu.user + cpu.system) / 1000,
          ms,
          timedOut: !completed,
        });
      }
    }
    return runs;
  } finally {
    for (const client of clients) await client.close().catch(() => undefined);
  }
}
