import { describe, expect, it } from 'vitest';
import type { MeetingStatus } from '../../src/meeting/status.js';
import type { Harness } from './harness.js';
import { isLive, phases, sleep, until, useHarness } from './harness.js';

const { setUp, keep } = useHarness();

/** Subscribes to participants and waits for live; returns the roster messages seen. */
async function watchRoster(harness: Harness) {
  const rosters: Array<{ msgMode: number }> = [];
  keep(harness.meeting.participants$.subscribe((m) => rosters.push({ msgMode: m.msgMode })));
  await until(() => isLive(harness));
  await until(() => rosters.length > 0);
  return rosters;
}

/** The statuses from the first `reconnecting` on, as compact text. */
function describeFrom(statuses: readonly MeetingStatus[], start: number): string[] {
  return statuses
    .slice(start)
    .map((s) =>
      s.phase === 'reconnecting'
        ? `reconnecting(attempt ${s.attempt}, ${s.delayMs} ms, ${s.lastError.code}${s.lastError.code === 'WS_CLOSED' ? ` ${s.lastError.closeCode}` : ''})`
        : s.phase,
    );
}

describe('reconnection against the simulator', () => {
  it('keeps a session alive past the server heartbeat timeout by sending heartbeats', async () => {
    const h = await setUp({ heartbeatIntervalMs: 100 }, { heartbeatTimeoutMs: 300 });
    await watchRoster(h);
    await sleep(750);
    // The server never hung up for want of a HeartBeat (its close 4000, §7). (Not "no reconnect at
    // all": at a 100 ms interval the client's own silence check, 200 ms, can fire on a loaded machine.)
    const serverTimeouts = h.statuses.filter(
      (s) => s.lastError?.code === 'WS_CLOSED' && s.lastError.closeCode === 4000,
    );
    expect(serverTimeouts).toEqual([]);
    expect(h.sim.connections()).toBe(1);
    expect(h.sent.frames.filter((f) => f.action === 'HeartBeat').length).toBeGreaterThanOrEqual(4);
  });

  it('reconnects after a dropped socket, resubscribes and receives a fresh snapshot', async () => {
    const h = await setUp();
    const rosters = await watchRoster(h);
    const before = h.statuses.length;
    const subscribesBefore = h.sent.subscribes().length;
    const rostersBefore = rosters.length;
    const droppedAt = Date.now();
    h.sim.faults.dropConnections();
    await until(() => isLive(h) && h.statuses.length > before);
    const liveAgainMs = Date.now() - droppedAt;
    await until(() => rosters.slice(rostersBefore).some((r) => r.msgMode === 0));
    const sequence = describeFrom(h.statuses, before);
    expect(sequence).toEqual([
      'reconnecting(attempt 1, 5 ms, WS_CLOSED 1006)',
      'connecting',
      'opening',
      'subscribing',
      'live',
    ]);
    expect(h.sent.subscribes().length).toBe(subscribesBefore + 1);
    expect(h.sim.connections()).toBe(1);
    // The lead's closing note quotes these two lines.
    console.info(`status$ after drop: ${sequence.join(' → ')}`);
    console.info(`drop → live again: ${liveAgainMs} ms`);
  });

  it('treats a silent link (no heartbeat echo) as dead and reconnects', async () => {
    // Echo deadline (100 + 60 ms) comes before the silence deadline (2 × 100 ms after the last frame).
    const h = await setUp({ heartbeatIntervalMs: 100, livenessTimeoutMs: 60 });
    const rosters = await watchRoster(h);
    const before = h.statuses.length;
    h.sim.faults.stopHeartbeatEcho();
    await until(() => h.statuses.some((s, i) => i >= before && s.phase === 'reconnecting'));
    h.sim.faults.stopHeartbeatEcho(false);
    await until(() => isLive(h));
    const reconnecting = h.statuses.find((s, i) => i >= before && s.phase === 'reconnecting');
    expect(reconnecting?.lastError).toMatchObject({ code: 'LIVENESS_TIMEOUT', kind: 'no-echo', afterMs: 60 });
    await until(() => rosters.filter((r) => r.msgMode === 0).length === 2);
    expect(h.sim.connections()).toBe(1);
  });

  it('retries when the upgrade is rejected with 4001, with a fresh single-use token each time', async () => {
    const h = await setUp();
    await watchRoster(h);
    const before = h.statuses.length;
    const wsTokenCallsBefore = h.restCalls.filter((c) => c.endsWith('/wsToken')).length;
    h.sim.faults.rejectNextUpgrade();
    h.sim.faults.dropConnections();
    await until(() => isLive(h) && h.statuses.length > before);
    expect(describeFrom(h.statuses, before)).toEqual([
      'reconnecting(attempt 1, 5 ms, WS_CLOSED 1006)',
      'connecting',
      'opening',
      'subscribing',
      'reconnecting(attempt 2, 10 ms, WS_CLOSED 4001)',
      'connecting',
      'opening',
      'subscribing',
      'live',
    ]);
    expect(h.restCalls.filter((c) => c.endsWith('/wsToken')).length).toBe(wsTokenCallsBefore + 2);
  });

  it('retries a REST 500 with backoff and reuses the held control token', async () => {
    const h = await setUp();
    await watchRoster(h);
    const before = h.statuses.length;
    const callsBefore = h.restCalls.length;
    h.sim.faults.failRest(1, 500);
    h.sim.faults.dropConnections();
    await until(() => isLive(h) && h.statuses.length > before);
    const reconnecting = h.statuses.slice(before).filter((s) => s.phase === 'reconnecting');
    expect(reconnecting[1]).toMatchObject({
      attempt: 2,
      delayMs: 10,
      lastError: { code: 'REST_FAILED', status: 500, errorCode: 'MMC.111070003', errorMsg: 'CONF_EXCEPTION' },
    });
    // The control token still had most of its life: only wsToken calls, no new password call.
    expect(h.restCalls.slice(callsBefore)).toEqual([
      '/v1/mmc/control/conferences/wsToken',
      '/v1/mmc/control/conferences/wsToken',
    ]);
  });

  it('after a 4003 (token expired) drops the held control token and fetches a new one', async () => {
    const h = await setUp({}, { controlTokenTtlMs: 400 });
    await watchRoster(h);
    const callsBefore = h.restCalls.length;
    h.sim.faults.expireTokenOnSocket();
    await until(() =>
      h.statuses.some(
        (s) =>
          s.phase === 'reconnecting' && s.lastError.code === 'WS_CLOSED' && s.lastError.closeCode === 4003,
      ),
    );
    await until(() => isLive(h));
    expect(h.restCalls.slice(callsBefore)).toContain('/v1/mmc/control/conferences/token');
  });

  it('gives up after reconnect.maxAttempts: status closed with the last error, streams complete', async () => {
    const h = await setUp({ reconnect: { initialDelayMs: 5, jitter: 'none', maxAttempts: 1 } });
    let completed = false;
    keep(h.meeting.participants$.subscribe({ complete: () => (completed = true) }));
    await until(() => isLive(h));
    h.sim.faults.failRest(5, 503);
    h.sim.faults.dropConnections();
    await until(() => completed);
    expect(h.statuses.at(-1)).toMatchObject({
      phase: 'closed',
      lastError: { code: 'REST_FAILED', status: 503 },
    });
    expect(phases(h.statuses).filter((p) => p === 'reconnecting')).toHaveLength(1);
  });

  it('completes every stream and stops reconnecting when the meeting ends', async () => {
    const h = await setUp();
    const completed = new Set<string>();
    const m = h.meeting;
    const streams = {
      confBasicInfo$: m.confBasicInfo$,
      confDynamicInfo$: m.confDynamicInfo$,
      participants$: m.participants$,
      attendees$: m.attendees$,
      speakers$: m.speakers$,
      netConditions$: m.netConditions$,
      inviteResults$: m.inviteResults$,
      subtitles$: m.subtitles$,
      waitingList$: m.waitingList$,
      interpreterGroups$: m.interpreterGroups$,
      unknown$: m.unknown$,
      status$: m.status$,
      warnings$: m.warnings$,
    };
    const states: string[] = [];
    let errors = 0;
    for (const [name, stream$] of Object.entries(streams)) {
      keep(
        (stream$ as typeof m.participants$).subscribe({
          next: (v) =>
            name === 'confDynamicInfo$' &&
            states.push(String((v as { data: { state?: string } }).data.state)),
          error: () => errors++,
          complete: () => completed.add(name),
        }),
      );
    }
    await until(() => isLive(h));
    const callsBefore = h.restCalls.length;
    h.sim.end();
    await until(() => completed.size === Object.keys(streams).length);
    expect(errors).toBe(0);
    expect(states.at(-1)).toBe('Destroyed');
    expect(h.statuses.at(-1)).toMatchObject({ phase: 'ended', lastError: { code: 'MEETING_ENDED' } });
    await sleep(60);
    expect(h.restCalls.length).toBe(callsBefore);
    expect(h.sim.connections()).toBe(0);
    // A subscriber arriving after the end completes at once, without a connection attempt.
    let lateCompleted = false;
    m.participants$.subscribe({ complete: () => (lateCompleted = true) });
    expect(lateCompleted).toBe(true);
    expect(h.restCalls.length).toBe(callsBefore);
  });

  it('ends without retrying when the token call says the meeting is not running', async () => {
    const h = await setUp();
    h.sim.end();
    let completed = false;
    keep(h.meeting.participants$.subscribe({ complete: () => (completed = true) }));
    await until(() => completed);
    expect(h.statuses.at(-1)).toMatchObject({ phase: 'ended', lastError: { code: 'MEETING_NOT_FOUND' } });
    expect(h.restCalls).toEqual(['/v1/mmc/control/conferences/token']);
  });

  it('close() closes the socket, completes every stream and leaves no timer behind', async () => {
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const h = await setUp({ heartbeatIntervalMs: 50 });
    let completed = false;
    h.meeting.participants$.subscribe({ complete: () => (completed = true) });
    await until(() => isLive(h));
    h.meeting.close();
    expect(completed).toBe(true);
    expect(h.statuses.at(-1)?.phase).toBe('closed');
    await until(() => h.sim.connections() === 0);
    const heartbeatsAtClose = h.sent.frames.length;
    await sleep(120);
    expect(h.sent.frames.length).toBe(heartbeatsAtClose);
    await h.sim.close();
    await sleep(20);
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(
      timersBefore,
    );
  });
});
