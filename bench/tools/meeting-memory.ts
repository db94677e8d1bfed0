/**
 * What one live meeting object holds on the heap, without sockets or REST: N meetings over fake
 * sockets and a scripted fetch on one virtual clock, each with the three raw streams the scale
 * bench subscribes, every one live; heap after a full GC, per meeting, against N = 0.
 *
 *   node --expose-gc --import tsx bench/tools/meeting-memory.ts [N]
 *
 * For finding where the meeting layer's memory goes between two versions of the code; the scale
 * suite (bench/suites/scale.ts) is what measures a real process.
 */
import { setImmediate } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';
import { VirtualTimeScheduler } from 'rxjs';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { FetchLike } from '../../src/transport/fetch-like.js';
import type { WebSocketLike } from '../../src/transport/websocket-like.js';

const N = Number(process.argv[2] ?? 2000);
/** `idle`: meetings made, nothing subscribed; `pending`: subscribed, sockets never opened; `live` (default). */
const MODE = process.argv[3] ?? 'live';
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');

const scheduler = new VirtualTimeScheduler();
const sockets: FakeSocket[] = [];
class FakeSocket implements WebSocketLike {
  readyState = 0;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;
  constructor(readonly url: string) {
    sockets.push(this);
  }
  send(text: string) {
    const frame = JSON.parse(text) as { action: string; sequence: string };
    if (frame.action === 'Subscribe')
      this.onmessage?.({
        data: JSON.stringify({ action: 'Subscribe', sequence: frame.sequence, data: { returnCode: 0 } }),
      });
  }
  close() {
    this.readyState = 3;
  }
}
const body = (value: unknown) => ({ status: 200, ok: true, text: async () => JSON.stringify(value) });
let token = 0;
const fetch: FetchLike = async (url) =>
  url.includes('wsToken')
    ? body({ webSocketToken: `cnr${++token}` })
    : body({
        data: {
          token: `stb${++token}`,
          wsURL: 'wss://127.0.0.1:1',
          expireTime: 1_800_000,
          confTokenExpireTime: 1800,
        },
      });

async function heapWith(count: number): Promise<number> {
  const kept: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const meeting = connectMeeting({
      conferenceId: String(100_000_000 + i),
      hostPassword: 'bench-password',
      baseUrl: 'http://127.0.0.1:9',
      fetch,
      WebSocket: FakeSocket,
      scheduler,
    });
    kept.push(meeting);
    if (MODE !== 'idle')
      kept.push(
        meeting.participants$.subscribe(),
        meeting.speakers$.subscribe(),
        meeting.confDynamicInfo$.subscribe(),
      );
  }
  for (let i = 0; i < 5; i++) await setImmediate();
  for (const socket of sockets.splice(0)) {
    if (MODE !== 'live') continue;
    socket.readyState = 1;
    socket.onopen?.({});
  }
  scheduler.maxFrames = scheduler.now() + 10;
  scheduler.flush();
  for (let i = 0; i < 3; i++) gc?.();
  const used = process.memoryUsage().heapUsed;
  // MEETING_MEMORY_SNAPSHOT=dir: one snapshot per count, for bench/tools/heap-diff.ts.
  const dir = process.env.MEETING_MEMORY_SNAPSHOT;
  if (dir !== undefined) writeHeapSnapshot(`${dir}/meetings-${MODE}-${count}.heapsnapshot`);
  kept.length = 0;
  return used;
}

const base = await heapWith(0);
const full = await heapWith(N);
console.log(`${N} meetings (${MODE}): ${((full - base) / N / 1024).toFixed(2)} KiB heap per meeting`);
