import { defer, NEVER, type Observable, queueScheduler, Subject, type Subscription } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createStateStreams } from '../../src/meeting/state-streams.js';
import type { ItemWarning } from '../../src/meeting/warnings.js';
import type { ParticipantsNotify } from '../../src/protocol/messages.js';
import { delta, fullRoster, item, person, removal } from '../state/fixtures.js';

const subs: Subscription[] = [];
afterEach(() => {
  for (const s of subs.splice(0)) s.unsubscribe();
});

function collect<T>(source: Observable<T>): T[] {
  const values: T[] = [];
  subs.push(source.subscribe((value) => values.push(value)));
  return values;
}

/** State streams over a hand-fed participants stream; the other raw streams stay silent. */
function fixture() {
  const participants = new Subject<ParticipantsNotify>();
  const requested: string[] = [];
  const warnings: ItemWarning[] = [];
  let participantSubscriptions = 0;
  const streams = createStateStreams({
    participants$: defer(() => {
      participantSubscriptions += 1;
      return participants;
    }),
    waitingList$: NEVER,
    attendees$: NEVER,
    speakers$: NEVER,
    confBasicInfo$: NEVER,
    confDynamicInfo$: NEVER,
    requestFull: (action) => requested.push(action),
    warn: (warning) => warnings.push(warning),
    graceMs: 0,
    scheduler: queueScheduler,
  });
  return { streams, participants, requested, warnings, subscriptions: () => participantSubscriptions };
}

describe('createStateStreams', () => {
  it('folds once for all subscribers and asks for a full message when the fold starts', () => {
    const f = fixture();
    const a = collect(f.streams.roster$);
    const b = collect(f.streams.joined$);
    const c = collect(f.streams.handsRaised$);
    expect(f.subscriptions()).toBe(1);
    expect(f.requested).toEqual(['ParticipantsNotify']);
    f.participants.next(fullRoster([item('a', person('Ann'))]));
    expect(a.map((r) => [...r.keys()])).toEqual([['a']]);
    expect(b).toEqual([]); // the initial snapshot is no arrival
    expect(c).toEqual([[]]);
  });

  it('replays the latest roster and hands, but not past joins', () => {
    const f = fixture();
    collect(f.streams.roster$);
    f.participants.next(fullRoster([item('a', person('Ann', { HAND: '1' }))]));
    f.participants.next(delta(1, [item('b', person('Bob'))]));
    const late = collect(f.streams.roster$);
    const lateHands = collect(f.streams.handsRaised$);
    const lateJoins = collect(f.streams.joined$);
    expect(late.map((r) => r.size)).toEqual([2]);
    expect(lateHands.map((list) => list.map((p) => p.pid))).toEqual([['a']]);
    expect(lateJoins).toEqual([]);
  });

  it('an identical resync emits no roster and no events; a different one only the differences', () => {
    const f = fixture();
    const rosters = collect(f.streams.roster$);
    const joined = collect(f.streams.joined$);
    const left = collect(f.streams.left$);
    f.participants.next(fullRoster([item('a', person('Ann')), item('b', person('Bob'))], 100));
    f.participants.next(fullRoster([item('b', person('Bob')), item('a', person('Ann'))], 200));
    expect(rosters).toHaveLength(1);
    f.participants.next(fullRoster([item('a', person('Ann')), item('c', person('Cy'))], 300));
    expect(rosters).toHaveLength(2);
    expect(joined.map((p) => p.pid)).toEqual(['c']);
    expect(left.map((p) => p.pid)).toEqual(['b']);
  });

  it('applies what the socket guard passed without judging versions again (§9.5: counters may restart)', () => {
    const f = fixture();
    const rosters = collect(f.streams.roster$);
    f.participants.next(fullRoster([item('a', person('Ann'))]));
    f.participants.next(delta(40, [item('b', person('Bob'))]));
    // A new socket whose counter restarted, without a snapshot first: still applied.
    f.participants.next(delta(1, [item('c', person('Cy'))]));
    expect([...(rosters.at(-1)?.keys() ?? [])].sort()).toEqual(['a', 'b', 'c']);
  });

  it('reports item problems as warnings', () => {
    const f = fixture();
    collect(f.streams.roster$);
    f.participants.next(fullRoster([item('a', person('Ann'))]));
    f.participants.next(delta(1, [removal('ghost'), item('x', { MUTE: '1' })]));
    expect(f.warnings.map((w) => [w.code, w.id])).toEqual([
      ['UNKNOWN_REMOVE', 'ghost'],
      ['UPDATE_UNKNOWN_WITHOUT_NAME', 'x'],
    ]);
  });

  it('completes with the source, and a subscriber after the end gets the last roster', () => {
    const f = fixture();
    let completed = false;
    subs.push(f.streams.roster$.subscribe({ complete: () => (completed = true) }));
    f.participants.next(fullRoster([item('a', person('Ann'))]));
    f.participants.complete();
    expect(completed).toBe(true);
    const after: number[] = [];
    let afterCompleted = false;
    f.streams.roster$.subscribe({ next: (r) => after.push(r.size), complete: () => (afterCompleted = true) });
    expect(after).toEqual([1]);
    expect(afterCompleted).toBe(true);
  });

  it('forgets the state once every subscriber has left (and the grace period passed)', () => {
    const f = fixture();
    const first = f.streams.roster$.subscribe();
    f.participants.next(fullRoster([item('a', person('Ann'))]));
    first.unsubscribe();
    const again = collect(f.streams.roster$);
    expect(again).toEqual([]);
    expect(f.subscriptions()).toBe(2);
    expect(f.requested).toEqual(['ParticipantsNotify', 'ParticipantsNotify']);
  });
});
