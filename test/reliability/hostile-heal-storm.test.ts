/**
 * Heal bounds (issue 14 point 8): a server whose versions always step by two makes every
 * incremental push a gap. The client re-Subscribes at most once per heal timeout, gives up healing
 * after `MAX_WASTED_HEALS` wasted heals (one `HEAL_GAVE_UP` warning), keeps the socket and keeps
 * delivering the pushes. In virtual time.
 */
import { describe, expect, it } from 'vitest';
import { MAX_WASTED_HEALS } from '../../src/meeting/heal-gaps.js';
import { DEFAULT_HEAL_TIMEOUT_MS } from '../../src/meeting/options.js';
import { type VirtualSocket, virtualMeeting } from '../helpers/virtual-meeting.js';

const CONF = '913570246';

function participants(msgMode: 0 | 1, version: number) {
  return {
    confID: CONF,
    msgID: `p${version}`,
    msgMode,
    version,
    createTime: version,
    action: 'ParticipantsNotify',
    data: [
      { pid: 'p1', mode: msgMode, pinfoMap: msgMode === 0 ? { NAME: 'Ada' } : { HAND: String(version % 2) } },
    ],
  };
}

const subscribesFor = (socket: VirtualSocket | undefined, action: string) =>
  (socket?.sent ?? []).filter((frame) => frame.action === 'Subscribe' && String(frame.data).includes(action))
    .length;

describe('a heal-storm server (versions always step by 2)', () => {
  it('gets at most one re-Subscribe per heal timeout, then a documented give-up; the socket stays', async () => {
    let version = 1000;
    const f = virtualMeeting(
      (request) =>
        request.url.includes('/conferences/token')
          ? {
              status: 200,
              body: {
                data: { token: 'stb1', wsURL: 'wss://h', expireTime: 10 ** 13, confTokenExpireTime: 1800 },
              },
            }
          : { status: 200, body: { webSocketToken: 'cnr1' } },
      { heartbeatIntervalMs: 170_000 },
      (frame, socket) => {
        if (frame.action !== 'Subscribe') return false;
        queueMicrotask(() => {
          socket.receive({ action: 'Subscribe', sequence: frame.sequence, data: { returnCode: 0 } });
          version += 10;
          socket.receive(participants(0, version));
        });
        return true;
      },
    );
    let delivered = 0;
    f.meeting.participants$.subscribe(() => {
      delivered += 1;
    });
    try {
      await f.run(1000);
      expect(f.statuses.at(-1)?.phase).toBe('live');
      const socket = f.sockets[0];
      const start = f.scheduler.now();
      const horizonMs = 60_000;
      let pushed = 0;
      for (let t = 0; t < horizonMs; t += 40) {
        version += 2;
        socket?.receive(participants(1, version));
        pushed += 1;
        await f.run(40, 40);
      }
      const elapsed = f.scheduler.now() - start;
      const resubscribes = subscribesFor(socket, 'ParticipantsNotify') - 1;
      expect(resubscribes).toBeLessThanOrEqual(Math.ceil(elapsed / DEFAULT_HEAL_TIMEOUT_MS));
      expect(resubscribes).toBeLessThanOrEqual(MAX_WASTED_HEALS);
      expect(f.warnings.filter((w) => w.code === 'HEAL_GAVE_UP')).toHaveLength(1);
      expect(f.sockets).toHaveLength(1);
      expect(f.statuses.map((s) => s.phase)).not.toContain('reconnecting');
      expect(delivered).toBeGreaterThanOrEqual(pushed);
    } finally {
      f.meeting.close();
    }
  });
});
