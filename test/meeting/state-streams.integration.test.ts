import { lastValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { MeetingState } from '../../src/state/meeting-state.js';
import type { Participant } from '../../src/state/participant.js';
import type { Roster } from '../../src/state/roster.js';
import type { ActiveSpeaker } from '../../src/state/speakers.js';
import type { WaitingRoom } from '../../src/state/waiting-room.js';
import { isLive, next, sleep, until, useHarness } from './harness.js';
import { foldedOf, sameAsTruth, truthOf } from './state-helpers.js';

const { setUp, keep, collect } = useHarness();

describe('state streams against the simulator', () => {
  it('roster$ equals the simulator roster after the snapshot, joins, leaves and updates', async () => {
    const h = await setUp();
    const { sim, meeting } = h;
    const rosters = collect<Roster>(meeting.roster$);
    await until(() => rosters.length > 0);
    expect(foldedOf(rosters.at(-1))).toEqual(truthOf(sim.participants()));
    const ann = sim.join({ name: 'Ann Lee', role: 'audience' });
    const bob = sim.join({ name: 'Bob Ito' });
    sim.update(ann, { MUTE: '1', X_FUTURE_KEY: 'kept' });
    const someone = [...sim.participants().keys()].find((pid) => pid !== ann && pid !== bob);
    sim.leave(someone ?? '');
    await until(() => sameAsTruth(rosters.at(-1), sim.participants()));
    const annNow = rosters.at(-1)?.get(ann);
    expect(annNow).toMatchObject({ name: 'Ann Lee', role: 'audience', muted: true });
    expect(annNow?.raw.get('X_FUTURE_KEY')).toBe('kept');
    expect(rosters.at(-1)?.has(someone ?? '')).toBe(false);
  });

  it('replays the latest roster to a late subscriber at once, on the same socket', async () => {
    const h = await setUp();
    const first = await next(h.meeting.roster$);
    const late = collect<Roster>(h.meeting.roster$);
    expect(late).toEqual([first]);
    expect(h.sim.connections()).toBe(1);
  });

  it('subscribes the push types the state streams need', async () => {
    const h = await setUp();
    keep(h.meeting.activeSpeakers$.subscribe());
    await until(() => h.sent.subscribes().length === 1);
    await sleep(20);
    expect(h.sent.subscribes().at(-1)?.subscribeType).toEqual([
      'ConfDynamicInfoNotify',
      'ParticipantsNotify',
      'SpeakerChangeNotify',
    ]);
  });

  it('joined$ and left$ fire for real arrivals and departures, not for the initial snapshot', async () => {
    const h = await setUp();
    const joined = collect<Participant>(h.meeting.joined$);
    const left = collect<Participant>(h.meeting.left$);
    const rosters = collect<Roster>(h.meeting.roster$);
    await until(() => rosters.length > 0 && isLive(h));
    expect(joined).toEqual([]);
    const pid = h.sim.join({ name: 'Cleo Park' });
    await until(() => joined.length === 1);
    expect(joined[0]).toMatchObject({ pid, name: 'Cleo Park' });
    h.sim.update(pid, { NAME: 'Cleo P.' });
    h.sim.leave(pid);
    await until(() => left.length === 1);
    expect(left[0]).toMatchObject({ pid, name: 'Cleo P.' }); // as last known
    expect(joined).toHaveLength(1);
  });

  it('a reconnect resync fires no joined$/left$ and no new roster when nobody changed', async () => {
    const h = await setUp();
    const joined = collect<Participant>(h.meeting.joined$);
    const left = collect<Participant>(h.meeting.left$);
    const rosters = collect<Roster>(h.meeting.roster$);
    const fulls = collect(h.meeting.participants$);
    await until(() => rosters.length > 0 && isLive(h));
    const before = rosters.length;
    h.sim.faults.dropConnections();
    await until(() => h.statuses.some((s) => s.phase === 'reconnecting'));
    await until(() => isLive(h) && fulls.filter((m) => m.msgMode === 0).length === 2);
    await sleep(20);
    expect(joined).toEqual([]);
    expect(left).toEqual([]);
    expect(rosters).toHaveLength(before);
    expect(sameAsTruth(rosters.at(-1), h.sim.participants())).toBe(true);
  });

  it('people who came or went while disconnected are reported when the reconnect snapshot arrives', async () => {
    // A slow reconnect leaves a window in which the meeting changes unseen.
    const h = await setUp({ reconnect: { initialDelayMs: 150, maxDelayMs: 150, jitter: 'none' } });
    const { sim } = h;
    const joined = collect<Participant>(h.meeting.joined$);
    const left = collect<Participant>(h.meeting.left$);
    const rosters = collect<Roster>(h.meeting.roster$);
    await until(() => rosters.length > 0 && isLive(h));
    const leaver = [...sim.participants().keys()].find(
      (pid) => sim.participants().get(pid)?.['ROLE'] !== '1',
    );
    sim.faults.dropConnections();
    await until(() => h.statuses.at(-1)?.phase === 'reconnecting');
    const newcomer = sim.join({ name: 'Dana Quist' });
    sim.leave(leaver ?? '');
    const passer = sim.join({ name: 'Eve Passing' });
    sim.leave(passer); // came and went during the outage: never seen
    await until(() => left.length === 1 && joined.length === 1);
    expect(joined.map((p) => p.pid)).toEqual([newcomer]);
    expect(left.map((p) => p.pid)).toEqual([leaver]);
    expect(sameAsTruth(rosters.at(-1), sim.participants())).toBe(true);
  });

  it('handsRaised$ lists raised hands in the order raised', async () => {
    const h = await setUp();
    const { sim } = h;
    const hands = collect<readonly Participant[]>(h.meeting.handsRaised$);
    await until(() => hands.length > 0 && isLive(h));
    const [a, b, c] = [...sim.participants().keys()];
    const names = () => (hands.at(-1) ?? []).map((p) => p.pid);
    sim.update(b ?? '', { HAND: '1' });
    sim.update(c ?? '', { HAND: '1' });
    sim.update(a ?? '', { HAND: '1' });
    await until(() => names().length === 3);
    expect(names()).toEqual([b, c, a]);
    sim.update(c ?? '', { HAND: '0' });
    await until(() => names().length === 2);
    expect(names()).toEqual([b, a]);
  });

  it('activeSpeakers$ resolves speakers to roster participants, loudest first', async () => {
    const h = await setUp();
    const { sim } = h;
    const speakers = collect<readonly ActiveSpeaker[]>(h.meeting.activeSpeakers$);
    await until(() => speakers.length > 0 && isLive(h));
    const pid = sim.join({ name: 'Fay Wu' });
    const other = [...sim.participants().keys()].find((p) => p !== pid) ?? '';
    sim.speak([
      { pid: other, speakingVolume: 30 },
      { pid, speakingVolume: 90 },
    ]);
    await until(() => (speakers.at(-1) ?? []).length === 2);
    const [loudest, second] = speakers.at(-1) ?? [];
    expect(loudest).toMatchObject({ pid, name: 'Fay Wu', volume: 90 });
    expect(loudest?.participant?.pid).toBe(pid);
    expect(second?.name).toBe(sim.participants().get(other)?.['NAME']);
  });

  it('waitingRoom$ follows the waiting room; an admitted person moves to the roster', async () => {
    const h = await setUp();
    const { sim } = h;
    const rooms = collect<WaitingRoom>(h.meeting.waitingRoom$);
    const rosters = collect<Roster>(h.meeting.roster$);
    await until(() => rooms.length > 0 && rosters.length > 0 && isLive(h));
    const pid = sim.addToWaitingRoom({ name: 'Gus Wait' });
    await until(() => rooms.at(-1)?.has(pid) === true);
    expect(rooms.at(-1)?.get(pid)).toMatchObject({ name: 'Gus Wait', waitingState: 'waiting' });
    expect(sameAsTruth(rooms.at(-1), sim.waitingRoom())).toBe(true);
    sim.admit(pid);
    await until(() => rooms.at(-1)?.has(pid) === false && rosters.at(-1)?.has(pid) === true);
    expect(sameAsTruth(rooms.at(-1), sim.waitingRoom())).toBe(true);
  });

  it('attendeeList$ holds the scheduled attendees', async () => {
    const h = await setUp();
    const list = await next(h.meeting.attendeeList$);
    expect(list.size).toBeGreaterThan(0);
    for (const attendee of list.values()) expect(attendee.id).not.toBe('');
  });

  it('meetingState$ merges basic and dynamic info and ends with state ended; every state stream completes', async () => {
    const h = await setUp();
    const { sim, meeting } = h;
    const states = collect<MeetingState>(meeting.meetingState$);
    const lastRoster = lastValueFrom(meeting.roster$);
    const lastHands = lastValueFrom(meeting.handsRaised$);
    const lastState = lastValueFrom(meeting.meetingState$);
    await until(() => isLive(h) && states.some((s) => s.title !== undefined && s.state === 'running'));
    sim.setLocked(true);
    await until(() => states.at(-1)?.locked === true);
    expect(states.at(-1)?.title).toEqual(expect.any(String));
    sim.end();
    expect((await lastState).state).toBe('ended');
    expect(sameAsTruth(await lastRoster, sim.participants())).toBe(true);
    expect(await lastHands).toEqual(expect.any(Array));
    // After the end, a late subscriber gets the last state and completion.
    const after = await lastValueFrom(meeting.meetingState$);
    expect(after.state).toBe('ended');
  });

  it('a state stream started while the socket is live gets a fresh snapshot (second Subscribe)', async () => {
    const h = await setUp();
    const { sim } = h;
    keep(h.meeting.participants$.subscribe());
    await until(() => isLive(h) && h.sent.subscribes().length === 1);
    sim.join({ name: 'Before The Fold' });
    await sleep(20);
    const rosters = collect<Roster>(h.meeting.roster$);
    await until(() => sameAsTruth(rosters.at(-1), sim.participants()));
    expect(h.sent.subscribes()).toHaveLength(2);
    expect(h.sim.connections()).toBe(1);
  });
});
