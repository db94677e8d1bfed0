import { describe, expect, it } from 'vitest';
import type { MeetingWarning } from '../../src/meeting/warnings.js';
import type { Participant } from '../../src/state/participant.js';
import type { Roster } from '../../src/state/roster.js';
import type { WebSocketConstructor, WebSocketLike } from '../../src/transport/websocket-like.js';
import type { Harness } from './harness.js';
import { isLive, phases, recordingWebSocket, sleep, until, useHarness } from './harness.js';
import { sameAsTruth } from './state-helpers.js';

const { setUp, collect } = useHarness();

/**
 * A WebSocket that hides every full ParticipantsNotify after the first one of each socket: a
 * server that answers a second Subscribe without a snapshot (§9.6 leaves that open).
 */
function withoutSecondSnapshots(Inner: WebSocketConstructor): WebSocketConstructor {
  return class implements WebSocketLike {
    private readonly inner: WebSocketLike;
    private snapshots = 0;
    onopen: WebSocketLike['onopen'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    constructor(url: string) {
      this.inner = new Inner(url);
      this.inner.onopen = (event) => this.onopen?.(event);
      this.inner.onclose = (event) => this.onclose?.(event);
      this.inner.onerror = (event) => this.onerror?.(event);
      this.inner.onmessage = (event) => {
        const text = String(event.data);
        if (text.includes('"ParticipantsNotify"') && text.includes('"msgMode":0') && ++this.snapshots > 1)
          return;
        this.onmessage?.(event);
      };
    }
    get readyState() {
      return this.inner.readyState;
    }
    send(data: string) {
      this.inner.send(data);
    }
    close(code?: number, reason?: string) {
      this.inner.close(code, reason);
    }
  };
}

/** A baseline join, then two joins of which the first is delivered late (and so dropped as stale). */
function loseOneJoin(harness: Harness): { lost: string; after: string } {
  harness.sim.join({ name: 'Baseline' });
  harness.sim.faults.reorderNextIncrementals();
  const lost = harness.sim.join({ name: 'Delivered Late' });
  const after = harness.sim.join({ name: 'Delivered First' });
  return { lost, after };
}

describe('gap healing against the simulator', () => {
  it('heals a lost incremental with a second Subscribe on the same socket', async () => {
    const h = await setUp();
    const warnings = collect<MeetingWarning>(h.meeting.warnings$);
    const rosters = collect<Roster>(h.meeting.roster$);
    const joined = collect<Participant>(h.meeting.joined$);
    await until(() => rosters.length > 0 && isLive(h));
    const { lost, after } = loseOneJoin(h);
    await until(() => sameAsTruth(rosters.at(-1), h.sim.participants()));
    expect(warnings.map((w) => w.code)).toEqual(['VERSION_GAP', 'STALE_VERSION']);
    expect(h.sent.subscribes()).toHaveLength(2);
    expect(phases(h.statuses)).not.toContain('reconnecting');
    // Each arrival reported once: the lost one by the resync diff.
    expect(joined.map((p) => p.pid).slice(1)).toEqual([after, lost]);
  });

  it('reconnects (RESYNC_TIMEOUT) when the second Subscribe brings no snapshot', async () => {
    const { WebSocket, sent } = recordingWebSocket();
    const h = await setUp({ WebSocket: withoutSecondSnapshots(WebSocket), healTimeoutMs: 100 });
    const rosters = collect<Roster>(h.meeting.roster$);
    await until(() => rosters.length > 0 && isLive(h));
    const started = Date.now();
    loseOneJoin(h);
    await until(() => sameAsTruth(rosters.at(-1), h.sim.participants()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    const reconnecting = h.statuses.find((s) => s.phase === 'reconnecting');
    expect(reconnecting?.lastError).toMatchObject({ code: 'RESYNC_TIMEOUT', action: 'ParticipantsNotify' });
    // First socket: the Subscribe and the heal's Subscribe; second socket: its own Subscribe.
    expect(sent.subscribes()).toHaveLength(3);
  });

  it('a skipped version with nothing lost is healed without any event or reconnect', async () => {
    const h = await setUp();
    const rosters = collect<Roster>(h.meeting.roster$);
    const joined = collect<Participant>(h.meeting.joined$);
    const left = collect<Participant>(h.meeting.left$);
    await until(() => rosters.length > 0 && isLive(h));
    h.sim.join({ name: 'One' });
    h.sim.faults.skipNextVersion();
    const two = h.sim.join({ name: 'Two' });
    await until(() => h.sent.subscribes().length === 2);
    await sleep(30); // the heal's snapshot arrives and is folded
    expect(sameAsTruth(rosters.at(-1), h.sim.participants())).toBe(true);
    expect(joined.map((p) => p.name)).toEqual(['One', 'Two']);
    expect(joined.at(-1)?.pid).toBe(two);
    expect(left).toEqual([]);
    expect(rosters).toHaveLength(3); // snapshot, One, Two: the identical resync emits nothing
  });

  it('with healGaps: false only reports the gap', async () => {
    const h = await setUp({ healGaps: false });
    const warnings = collect<MeetingWarning>(h.meeting.warnings$);
    const rosters = collect<Roster>(h.meeting.roster$);
    await until(() => rosters.length > 0 && isLive(h));
    const { lost, after } = loseOneJoin(h);
    await until(() => rosters.at(-1)?.has(after) === true && warnings.length === 2);
    await sleep(30);
    expect(rosters.at(-1)?.has(lost)).toBe(false);
    expect(h.sent.subscribes()).toHaveLength(1);
  });
});
