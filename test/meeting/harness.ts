/**
 * Shared set-up for the integration tests: a manual-only simulator on 127.0.0.1, a meeting with
 * tiny delays, and a WebSocket that records what the client sends.
 */
import { filter, firstValueFrom, type Observable, type Subscription, take, timeout } from 'rxjs';
import { afterEach } from 'vitest';
import WebSocket from 'ws';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { Meeting } from '../../src/meeting/meeting.js';
import type { ConnectMeetingOptions } from '../../src/meeting/options.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import type { Simulator, SimulatorOptions } from '../../src/simulator/index.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { WebSocketConstructor } from '../../src/transport/websocket-like.js';

/** Every text frame the client sent, parsed, across all sockets. */
export interface SentLog {
  readonly frames: Array<{ action: string; sequence: string; data?: string }>;
  subscribes(): Array<{ subscribeType: string[]; conferenceID: string; confToken: string }>;
}

export function recordingWebSocket(): { WebSocket: WebSocketConstructor; sent: SentLog } {
  const frames: SentLog['frames'] = [];
  class RecordingWebSocket extends WebSocket {
    override send(data: unknown): void {
      frames.push(JSON.parse(String(data)));
      super.send(data as string);
    }
  }
  return {
    WebSocket: RecordingWebSocket as unknown as WebSocketConstructor,
    sent: {
      frames,
      subscribes: () =>
        frames.filter((f) => f.action === 'Subscribe').map((f) => JSON.parse(f.data ?? '{}') as never),
    },
  };
}

export interface Harness {
  readonly sim: Simulator;
  readonly meeting: Meeting;
  readonly sent: SentLog;
  readonly statuses: MeetingStatus[];
  readonly restCalls: string[];
  teardown(): Promise<void>;
}

export async function setUp(
  meetingOptions: Partial<ConnectMeetingOptions> = {},
  simOptions: SimulatorOptions = {},
): Promise<Harness> {
  const sim = await startSimulator({ script: false, seed: 7, ...simOptions });
  const { WebSocket: RecordingWebSocket, sent } = recordingWebSocket();
  const restCalls: string[] = [];
  const meeting = connectMeeting({
    conferenceId: sim.conferenceId,
    hostPassword: sim.hostPassword,
    baseUrl: sim.baseUrl,
    WebSocket: RecordingWebSocket,
    fetch: (url, init) => {
      restCalls.push(new URL(url).pathname);
      return fetch(url, init);
    },
    heartbeatIntervalMs: 1000,
    reconnect: { initialDelayMs: 5, maxDelayMs: 20, jitter: 'none' },
    idleGraceMs: 20,
    ...meetingOptions,
  });
  const statuses: MeetingStatus[] = [];
  meeting.status$.subscribe((s) => statuses.push(s));
  return {
    sim,
    meeting,
    sent,
    statuses,
    restCalls,
    async teardown() {
      meeting.close();
      await sim.close();
    },
  };
}

/**
 * What a test file gets from {@link useHarness}: harnesses and subscriptions that live until the end
 * of the current test.
 */
export interface HarnessScope {
  /** {@link setUp}, torn down after the current test. */
  setUp(meetingOptions?: Partial<ConnectMeetingOptions>, simOptions?: SimulatorOptions): Promise<Harness>;
  /** Keeps `subscription` until the end of the current test. */
  keep(subscription: Subscription): void;
  /** Collects every value of `source` for the rest of the current test. */
  collect<T>(source: { subscribe(next: (value: T) => void): Subscription }): T[];
}

/**
 * Registers an `afterEach` that unsubscribes what the test kept and tears down every harness it set
 * up; call once at the top of a test file.
 */
export function useHarness(): HarnessScope {
  const harnesses: Harness[] = [];
  const subscriptions: Subscription[] = [];
  afterEach(async () => {
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    for (const harness of harnesses.splice(0)) await harness.teardown();
  });
  const keep = (subscription: Subscription): void => {
    subscriptions.push(subscription);
  };
  return {
    async setUp(meetingOptions, simOptions) {
      const harness = await setUp(meetingOptions, simOptions);
      harnesses.push(harness);
      return harness;
    },
    keep,
    collect<T>(source: { subscribe(next: (value: T) => void): Subscription }): T[] {
      const values: T[] = [];
      keep(source.subscribe((value) => values.push(value)));
      return values;
    },
  };
}

/** Whether the harness's meeting last reported `live`. */
export const isLive = (harness: Harness): boolean => harness.statuses.at(-1)?.phase === 'live';

/** Resolves with the first value of `source$` that passes `predicate`, or fails after `ms`. */
export function next<T>(source$: Observable<T>, predicate: (value: T) => boolean = () => true, ms = 3000) {
  return firstValueFrom(source$.pipe(filter(predicate), take(1), timeout(ms)));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds (polling every 5 ms), failing after `ms`. */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}

export const phases = (statuses: readonly MeetingStatus[]) => statuses.map((s) => s.phase);
