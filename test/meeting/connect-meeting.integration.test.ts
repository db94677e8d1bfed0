import { inspect } from 'node:util';
import { config, type Subscription } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import { isLive, next, phases, sleep, until, useHarness } from './harness.js';

const { setUp, keep } = useHarness();

describe('connectMeeting against the simulator', () => {
  it('goes idle → connecting → opening → subscribing → live and delivers the snapshot', async () => {
    const h = await setUp();
    expect(phases(h.statuses)).toEqual(['idle']);
    const basic = next(h.meeting.confBasicInfo$);
    const roster = next(h.meeting.participants$);
    expect((await basic).data.title).toEqual(expect.any(String));
    const snapshot = await roster;
    expect(snapshot.msgMode).toBe(0);
    expect(snapshot.data.length).toBe(h.sim.participants().size);
    expect(phases(h.statuses)).toEqual(['idle', 'connecting', 'opening', 'subscribing', 'live']);
    expect(h.sim.connections()).toBe(1);
    expect(h.restCalls).toEqual(['/v1/mmc/control/conferences/token', '/v1/mmc/control/conferences/wsToken']);
  });

  it('delivers decoded values on every notify stream', async () => {
    const h = await setUp();
    const { meeting, sim } = h;
    const got = {
      basic: next(meeting.confBasicInfo$),
      dynamic: next(meeting.confDynamicInfo$, (m) => m.data.lock === 1),
      joined: next(
        meeting.participants$,
        (m) => m.msgMode === 1 && m.data.some((p) => p.pinfoMap['NAME'] === 'Zed'),
      ),
      attendees: next(meeting.attendees$),
      speakers: next(meeting.speakers$, (m) => m.data.length > 0),
      invite: next(meeting.inviteResults$, (m) => m.data.some((r) => r.callNumber === '+100')),
      subtitles: next(meeting.subtitles$),
      waiting: next(meeting.waitingList$, (m) => m.data.length > 0),
      interpreters: next(meeting.interpreterGroups$),
      net: next(meeting.netConditions$),
      unknown: next(meeting.unknown$),
    };
    await until(() => isLive(h));
    await sleep(50); // the resubscribe for late-arriving streams settles
    const pid = sim.join({ name: 'Zed' });
    sim.setLocked(true);
    sim.speak([{ pid, speakingVolume: 80 }]);
    sim.invite('+100');
    sim.caption('hello');
    sim.addToWaitingRoom({ name: 'Wendy' });
    sim.faults.sendUnknownAction();
    const r = await Promise.all(Object.values(got));
    expect(r).toHaveLength(11);
    expect((await got.speakers).data[0]?.pid).toBe(pid);
    expect((await got.subtitles).data.msgs.length).toBeGreaterThan(0);
    expect((await got.unknown).rawAction).toBe('CustomMultiPicNotify');
    expect(Array.isArray((await got.interpreters).data)).toBe(true);
  });

  it('replays the latest value of state-like streams to a late subscriber, but not of event-like ones', async () => {
    const h = await setUp();
    const first = await next(h.meeting.confBasicInfo$);
    await next(h.meeting.participants$);
    const late: unknown[] = [];
    keep(h.meeting.confBasicInfo$.subscribe((m) => late.push(m)));
    expect(late).toEqual([first]); // synchronously, from the replay
    const lateEvents: unknown[] = [];
    keep(h.meeting.participants$.subscribe((m) => lateEvents.push(m)));
    expect(lateEvents).toEqual([]);
  });

  it('uses one socket however many subscribers, and closes it a grace period after the last leaves', async () => {
    const h = await setUp({ idleGraceMs: 100 });
    const a = h.meeting.participants$.subscribe();
    const b = h.meeting.participants$.subscribe();
    const c = h.meeting.speakers$.subscribe();
    await until(() => isLive(h));
    expect(h.sim.connections()).toBe(1);
    a.unsubscribe();
    b.unsubscribe();
    c.unsubscribe();
    await sleep(40);
    expect(h.sim.connections()).toBe(1); // still within the grace period
    await until(() => h.sim.connections() === 0);
    expect(h.statuses.at(-1)?.phase).toBe('idle');
  });

  it('subscribes to the types that have subscribers, re-sending the whole list when that set changes', async () => {
    const h = await setUp();
    keep(h.meeting.participants$.subscribe());
    await until(() => h.sent.subscribes().length === 1);
    expect(h.sent.subscribes()[0]?.subscribeType).toEqual(['ConfDynamicInfoNotify', 'ParticipantsNotify']);
    expect(h.sent.subscribes()[0]?.conferenceID).toBe(h.sim.conferenceId);
    expect(h.sent.subscribes()[0]?.confToken).toMatch(/^Basic /);
    const speakers = h.meeting.speakers$.subscribe();
    await until(() => h.sent.subscribes().length === 2);
    expect(h.sent.subscribes()[1]?.subscribeType).toEqual([
      'ConfDynamicInfoNotify',
      'ParticipantsNotify',
      'SpeakerChangeNotify',
    ]);
    speakers.unsubscribe();
    await until(() => h.sent.subscribes().length === 3);
    expect(h.sent.subscribes()[2]?.subscribeType).toEqual(['ConfDynamicInfoNotify', 'ParticipantsNotify']);
  });

  it('does not ask for UnknownNotify: unknown$ holds the connection but stays out of the Subscribe set', async () => {
    const h = await setUp();
    keep(h.meeting.unknown$.subscribe());
    keep(h.meeting.participants$.subscribe());
    await until(() => isLive(h));
    await sleep(30);
    expect(h.sent.subscribes().map((s) => s.subscribeType)).toEqual([
      ['ConfDynamicInfoNotify', 'ParticipantsNotify'],
    ]);
  });

  it('completes every subscribed stream, each once, when the meeting is closed', async () => {
    const h = await setUp();
    const completed: string[] = [];
    const watch = (name: string, source: { subscribe(o: { complete(): void }): Subscription }) =>
      keep(source.subscribe({ complete: () => completed.push(name) }));
    watch('participants', h.meeting.participants$);
    watch('participants (2nd)', h.meeting.participants$);
    watch('speakers', h.meeting.speakers$);
    watch('unknown', h.meeting.unknown$);
    await until(() => isLive(h));
    h.meeting.close();
    expect(completed.sort()).toEqual(['participants', 'participants (2nd)', 'speakers', 'unknown']);
    // A subscriber after the end completes at once.
    watch('late', h.meeting.participants$);
    expect(completed).toContain('late');
  });

  it('subscribes to exactly the given notifyTypes when they are fixed', async () => {
    const h = await setUp({ notifyTypes: ['ParticipantsNotify', 'AttendeesNotify'] });
    keep(h.meeting.participants$.subscribe());
    keep(h.meeting.speakers$.subscribe());
    await until(() => isLive(h));
    await sleep(30);
    expect(h.sent.subscribes().map((s) => s.subscribeType)).toEqual([
      ['ParticipantsNotify', 'AttendeesNotify'],
    ]);
  });

  it('keeps serving the other subscribers when one consumer throws', async () => {
    const h = await setUp();
    const reported: unknown[] = [];
    const previous = config.onUnhandledError;
    config.onUnhandledError = (error) => reported.push(error);
    try {
      keep(
        h.meeting.participants$.subscribe(() => {
          throw new Error('consumer bug');
        }),
      );
      const healthy = next(h.meeting.participants$, (m) => m.msgMode === 1);
      await until(() => isLive(h));
      h.sim.join({ name: 'After the throw' });
      expect((await healthy).data[0]?.mode).toBe(0);
      // The thrower saw the snapshot and the join; RxJS reported both throws asynchronously.
      await until(() => reported.length >= 2);
      expect(reported).toEqual([new Error('consumer bug'), new Error('consumer bug')]);
      expect(phases(h.statuses)).not.toContain('reconnecting');
      expect(h.sim.connections()).toBe(1);
    } finally {
      config.onUnhandledError = previous;
    }
  });

  it('reports decode failures, duplicates and gaps as warnings, never as stream errors', async () => {
    const h = await setUp();
    const warnings: string[] = [];
    keep(h.meeting.warnings$.subscribe((w) => warnings.push(w.code)));
    const deltas: number[] = [];
    let errored = false;
    keep(
      h.meeting.participants$.subscribe({
        next: (m) => m.msgMode === 1 && deltas.push(m.version),
        error: () => {
          errored = true;
        },
      }),
    );
    await until(() => isLive(h));
    h.sim.faults.sendMalformedFrame();
    h.sim.faults.duplicateNextIncremental();
    h.sim.join();
    h.sim.faults.skipNextVersion();
    h.sim.join();
    await until(() => warnings.includes('VERSION_GAP'));
    expect(warnings).toEqual(['DECODE_FAILED', 'DUPLICATE_VERSION', 'VERSION_GAP']);
    expect(new Set(deltas).size).toBe(deltas.length); // the duplicate was dropped
    expect(deltas).toHaveLength(2);
    expect(errored).toBe(false);
    expect(phases(h.statuses)).not.toContain('reconnecting');
  });

  it('drops a stale incremental delivered out of order with STALE_VERSION', async () => {
    const h = await setUp();
    const warnings: string[] = [];
    keep(h.meeting.warnings$.subscribe((w) => warnings.push(w.code)));
    keep(h.meeting.participants$.subscribe());
    const versions: number[] = [];
    keep(h.meeting.participants$.subscribe((m) => m.msgMode === 1 && versions.push(m.version)));
    await until(() => isLive(h));
    h.sim.join(); // version n: the baseline after the snapshot
    h.sim.faults.reorderNextIncrementals();
    h.sim.join(); // n+1
    h.sim.join(); // n+2, delivered before n+1
    await until(() => warnings.includes('STALE_VERSION'));
    // n+2 after n looks like a gap (applied); n+1 after n+2 is stale (dropped).
    expect(warnings).toEqual(['VERSION_GAP', 'STALE_VERSION']);
    expect(versions).toHaveLength(2);
    expect(versions[1]).toBe((versions[0] ?? 0) + 2);
  });

  it('keeps the password and tokens out of status, warnings, errors and inspection', async () => {
    const h = await setUp();
    keep(h.meeting.participants$.subscribe());
    await until(() => isLive(h));
    h.sim.faults.failRest(1);
    h.sim.faults.dropConnections();
    await until(() => isLive(h) && phases(h.statuses).includes('reconnecting'));
    const printed = [inspect(h.meeting, { depth: 20, showHidden: true }), JSON.stringify(h.statuses)].join(
      '\n',
    );
    expect(printed).not.toContain(h.sim.hostPassword);
    expect(printed).not.toMatch(/stb[0-9a-f]{48}|cnr[0-9a-f]{48}/);
    expect(h.sent.subscribes().length).toBeGreaterThan(0);
  });

  it('stops at once on a wrong password: status closed with REST_AUTH_FAILED, streams complete', async () => {
    const h = await setUp({ hostPassword: 'not-the-password' });
    let completed = false;
    h.meeting.participants$.subscribe({ complete: () => (completed = true) });
    await until(() => completed);
    expect(h.statuses.at(-1)).toMatchObject({ phase: 'closed', lastError: { code: 'REST_AUTH_FAILED' } });
    expect(JSON.stringify(h.statuses)).not.toContain('not-the-password');
    expect(h.restCalls).toEqual(['/v1/mmc/control/conferences/token']);
  });

  it('connects with tokens from a provider instead of a password', async () => {
    const h = await setUp();
    const sim = h.sim;
    const meeting = connectMeeting({
      conferenceId: sim.conferenceId,
      baseUrl: sim.baseUrl,
      getTokens: async () => {
        // What a browser's own backend would do: the password call, server side.
        const res = await fetch(
          `${sim.baseUrl}/v1/mmc/control/conferences/token?conferenceID=${sim.conferenceId}`,
          {
            headers: { 'X-Password': sim.hostPassword, 'X-Login-Type': '1' },
          },
        );
        const body = (await res.json()) as { data: { token: string; wsURL: string } };
        return { wsURL: body.data.wsURL, confToken: body.data.token };
      },
    });
    try {
      const roster = await next(meeting.participants$);
      expect(roster.msgMode).toBe(0);
    } finally {
      meeting.close();
    }
  });

  it('rejects options without exactly one credential, without quoting secrets', () => {
    expect(() => connectMeeting({ conferenceId: '1' })).toThrow('exactly one of hostPassword and getTokens');
    expect(() =>
      connectMeeting({
        conferenceId: '1',
        hostPassword: 'pw-secret',
        getTokens: async () => ({ wsURL: '', confToken: '' }),
      }),
    ).toThrow(/^(?!.*pw-secret)/);
  });
});
