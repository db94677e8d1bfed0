/**
 * Shared set-up for the integration tests: a manual-only simulator on 127.0.0.1, a meeting with
 * tiny delays, and a WebSocket that records what the client sends.
 */
import { filter, firstValueFrom, type Observable, take, timeout } from 'rxjs';
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
