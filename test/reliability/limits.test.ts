/**
 * Limits on bad input (issue 6 §3): REST answers are size-capped and timed out; WebSocket frames
 * are size-capped with a clear reason on status$; a slow consumer gets everything, in order, and
 * the library buffers nothing for it.
 */
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { fetchControlToken } from '../../src/auth/control-token.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../src/auth/rest-options.js';
import type { MeetingError } from '../../src/errors.js';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { FetchLike, ResponseLike } from '../../src/transport/fetch-like.js';

const base = { conferenceId: '913570246', hostPassword: 'pw-123456', baseUrl: 'https://gw.invalid' };

/** The error a single control-token call fails with. */
function failureOf(fetch: FetchLike, extra: { restTimeoutMs?: number; maxResponseBytes?: number } = {}) {
  return firstValueFrom(fetchControlToken({ ...base, fetch, ...extra })).then(
    () => undefined,
    (error: MeetingError) => error,
  );
}

/** A body stream that never ends; counts how many bytes were pulled from it. */
function endlessBody() {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('REST limits', () => {
  it('stops reading an endless answer at the cap and fails with REST_INVALID_RESPONSE', async () => {
    const body = endlessBody();
    const fetch: FetchLike = async () =>
      new Response(body.stream, { status: 200 }) as unknown as ResponseLike;
    const error = await failureOf(fetch);
    expect(error).toMatchObject({ code: 'REST_INVALID_RESPONSE', call: 'createConfToken', status: 200 });
    expect(error?.message).toBe(`createConfToken: answer larger than ${DEFAULT_MAX_RESPONSE_BYTES} bytes`);
    // Reading stopped within a couple of chunks past the cap, not at the end of the stream.
    expect(body.pulled()).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + 4 * 64 * 1024);
  });

  it('refuses a declared Content-Length above the cap before reading the body', async () => {
    let read = false;
    const fetch: FetchLike = async () => ({
      status: 200,
      ok: true,
      headers: { get: (name) => (name === 'content-length' ? String(10 * 2 ** 20) : null) },
      text: async () => {
        read = true;
        return '{}';
      },
    });
    const error = await failureOf(fetch);
    expect(error?.code).toBe('REST_INVALID_RESPONSE');
    expect(read).toBe(false);
  });

  it('applies the cap to a text-only response too, and to error answers', async () => {
    const big = JSON.stringify({ error_code: 'MMC.111070003', error_msg: 'x'.repeat(5000) });
    const fetch: FetchLike = async () => ({ status: 500, ok: false, text: async () => big });
    expect((await failureOf(fetch, { maxResponseBytes: 1000 }))?.code).toBe('REST_INVALID_RESPONSE');
    expect((await failureOf(fetch, { maxResponseBytes: 10_000 }))?.code).toBe('REST_FAILED');
  });

  it('times a hung call out with TIMEOUT and aborts it', async () => {
    let aborted = false;
    const fetch: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal.addEventListener('abort', () => {
          aborted = true;
          reject(new Error('aborted'));
        }),
      );
    const error = await failureOf(fetch, { restTimeoutMs: 30 });
    expect(error).toMatchObject({ code: 'TIMEOUT', operation: 'createConfToken', afterMs: 30 });
    expect(aborted).toBe(true);
  });
});

describe('WebSocket frame limit', () => {
  it('closes on a frame over maxFrameBytes and says why on status$', async () => {
    const sim = await startSimulator({ script: false, seed: 4 });
    try {
      const meeting = connectMeeting({
        conferenceId: sim.conferenceId,
        hostPassword: sim.hostPassword,
        baseUrl: sim.baseUrl,
        maxFrameBytes: 4096,
        reconnect: { initialDelayMs: 10, maxDelayMs: 20, maxAttempts: 0 },
      });
      const received: number[] = [];
      meeting.participants$.subscribe((message) => received.push(message.data.length));
      await firstValueFrom(
        meeting.status$.pipe(
          filter((s) => s.phase === 'live'),
          take(1),
          timeout(3000),
        ),
      );
      await expect.poll(() => received.length).toBe(1);
      sim.join({ name: 'x'.repeat(10_000) }); // one incremental push of about 10 KB
      const final = await firstValueFrom(
        meeting.status$.pipe(
          filter((s) => s.phase === 'closed'),
          take(1),
          timeout(3000),
        ),
      );
      expect(final.lastError).toMatchObject({
        code: 'WS_CLOSED',
        closeCode: 1009,
        reason: 'frame larger than maxFrameBytes (4096 bytes)',
      });
      expect(received).toEqual([6]); // the oversized push was never delivered
      await expect.poll(() => sim.connections()).toBe(0);
    } finally {
      await sim.close();
    }
  });
});

describe('slow consumer', () => {
  it('gets every push in order, as fast ones do; the library queues nothing for it', async () => {
    const sim = await startSimulator({ script: false, seed: 8 });
    try {
      const meeting = connectMeeting({
        conferenceId: sim.conferenceId,
        hostPassword: sim.hostPassword,
        baseUrl: sim.baseUrl,
      });
      const slow: number[] = [];
      const fast: number[] = [];
      let inSlow = false;
      let overlapped = false;
      meeting.participants$.subscribe((message) => {
        inSlow = true;
        const until = Date.now() + 15;
        while (Date.now() < until) {
          // a consumer that blocks for 15 ms per push
        }
        slow.push(message.version);
        inSlow = false;
      });
      meeting.participants$.subscribe((message) => {
        if (inSlow) overlapped = true;
        fast.push(message.version);
      });
      await firstValueFrom(
        meeting.status$.pipe(
          filter((s) => s.phase === 'live'),
          take(1),
          timeout(3000),
        ),
      );
      await expect.poll(() => fast.length).toBe(1);
      const pid = [...sim.participants().keys()][1]!;
      for (let i = 0; i < 20; i++) sim.update(pid, { MUTE: String(i % 2) });
      await expect.poll(() => fast.length, { timeout: 3000 }).toBe(21);
      // Synchronous delivery: each push reaches both consumers, one after the other, before the
      // next push is read from the socket (TCP holds the rest), so nothing piles up in between.
      expect(slow).toEqual(fast);
      expect(overlapped).toBe(false);
      expect(fast.slice(1)).toEqual([...fast.slice(1)].sort((a, b) => a - b));
      meeting.close();
    } finally {
      await sim.close();
    }
  });
});
