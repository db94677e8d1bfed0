/**
 * The codecs and the simulator were written from the same spec by different hands; this test holds
 * them to each other: every frame a scripted 10-minute meeting emits must decode to a Right.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeServerFrame, formatDecodeError } from '../../src/protocol/decode-server-frame.js';
import { DOCUMENTED_NOTIFY_TYPES } from '../../src/protocol/notify-types.js';
import { createManualClock, type Simulator, startSimulator } from '../../src/simulator/index.js';
import { subscribedClient } from '../simulator/helpers.js';

const started: Simulator[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function scriptedMeeting(seed: number) {
  const clock = createManualClock();
  const sim = await startSimulator({ seed, clock, heartbeatTimeoutMs: 24 * 3_600_000 });
  started.push(sim);
  const sent: string[] = [];
  sim.onFrameSent((text) => sent.push(text));
  const { client } = await subscribedClient(sim, [...DOCUMENTED_NOTIFY_TYPES]);
  return { sim, clock, sent, client };
}

describe('decodeServerFrame on everything the simulator emits', () => {
  it.each([1, 7, 2026])(
    'seed %i: a 10-minute meeting and its end decode to Right, frame by frame',
    async (seed) => {
      const { sim, clock, sent, client } = await scriptedMeeting(seed);
      for (let minute = 0; minute < 10; minute++) clock.advance(60_000);
      sim.end();
      await client.closed;

      expect(client.texts).toEqual(sent); // what the client received is exactly what the server sent
      expect(sent.length).toBeGreaterThan(100);
      const seen = new Set<string>();
      for (const [index, text] of sent.entries()) {
        const decoded = decodeServerFrame(text);
        if (isLeft(decoded))
          expect.fail(`frame ${index} failed: ${formatDecodeError(decoded.left)}\n${text}`);
        expect(decoded.right.action).not.toBe('UnknownNotify');
        seen.add(decoded.right.action);
      }
      for (const type of DOCUMENTED_NOTIFY_TYPES) expect(seen, type).toContain(type);
      expect(seen).toContain('Subscribe');
    },
  );

  it('the injected unknown action decodes to UnknownNotify, the malformed frame to a Left', async () => {
    const { sim, sent, client } = await scriptedMeeting(3);
    const before = sent.length;
    sim.faults.sendUnknownAction('CustomMultiPicNotify');
    sim.faults.sendMalformedFrame();
    await client.waitForCount(before + 2);
    const injected = sent.slice(before).map(decodeServerFrame);
    expect(injected.some((r) => isRight(r) && r.right.action === 'UnknownNotify')).toBe(true);
    expect(injected.some((r) => isLeft(r) && r.left.code === 'FRAME_INVALID_JSON')).toBe(true);
  });
});
