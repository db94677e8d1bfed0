import { firstValueFrom, from, map, Subject, toArray } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { ConfDynamicInfoNotify, ParticipantsNotify } from '../../src/protocol/messages.js';
import {
  activeSpeakers,
  foldAttendees,
  foldMeetingState,
  foldRoster,
  foldWaitingRoom,
  handsRaisedOrder,
  joinedParticipants,
  leftParticipants,
  rosterEvents,
  stateWarnings,
} from '../../src/state/operators.js';
import type { Roster } from '../../src/state/roster.js';
import { attendees, delta, fullRoster, item, person, removal, speakers, waiting } from './fixtures.js';

const script: ParticipantsNotify[] = [
  fullRoster([item('a', person('Ann')), item('b', person('Bob'))]),
  delta(1, [item('c', person('Cy')), item('a', { HAND: '1' })]),
  delta(1, [removal('a')]), // duplicate: dropped
  delta(4, [removal('b'), item('c', { HAND: '1' })]),
];

const collect = <T>(source: import('rxjs').Observable<T>) => firstValueFrom(source.pipe(toArray()));

describe('state operators', () => {
  it('foldRoster emits one update per message, with warnings for dropped ones', async () => {
    const updates = await collect(from(script).pipe(foldRoster()));
    expect(updates.map((u) => [...u.roster.keys()].sort().join(''))).toEqual(['ab', 'abc', 'abc', 'ac']);
    expect(updates.map((u) => u.changed)).toEqual([true, true, false, true]);
    const warnings = await collect(from(updates).pipe(stateWarnings()));
    expect(warnings.map((w) => w.code)).toEqual(['DUPLICATE_VERSION', 'VERSION_GAP']);
  });

  it('joined and left skip the initial snapshot', async () => {
    const joined = await collect(
      from(script).pipe(
        foldRoster(),
        joinedParticipants(),
        map((p) => p.name),
      ),
    );
    const left = await collect(
      from(script).pipe(
        foldRoster(),
        leftParticipants(),
        map((p) => p.name),
      ),
    );
    expect(joined).toEqual(['Cy']);
    expect(left).toEqual(['Bob']);
    const types = await collect(
      from(script).pipe(
        foldRoster(),
        rosterEvents(),
        map((e) => `${e.type} ${e.pid}`),
      ),
    );
    expect(types).toEqual(['joined c', 'updated a', 'left b', 'updated c']);
  });

  it('each subscription folds on its own', async () => {
    const folded = from(script).pipe(foldRoster());
    const [one, two] = await Promise.all([collect(folded), collect(folded)]);
    expect(one.at(-1)?.roster.size).toBe(2);
    expect(two.at(-1)?.roster.size).toBe(2);
    expect(one.at(-1)?.roster).not.toBe(two.at(-1)?.roster);
  });

  it('handsRaisedOrder emits the raise order only when it changes (marbles)', () => {
    new TestScheduler((actual, expected) => expect(actual).toEqual(expected)).run(
      ({ cold, expectObservable }) => {
        const messages = cold('a-b-c-d|', { a: script[0]!, b: script[1]!, c: script[2]!, d: script[3]! });
        const names = messages.pipe(
          foldRoster(),
          handsRaisedOrder(),
          map((raised) => raised.map((p) => p.name).join(',')),
        );
        expectObservable(names).toBe('x-y---z|', { x: '', y: 'Ann', z: 'Ann,Cy' });
      },
    );
  });

  it('activeSpeakers resolves against the latest roster', () => {
    const roster$ = new Subject<Roster>();
    const speaker$ = new Subject<ReturnType<typeof speakers>>();
    const seen: string[][] = [];
    speaker$.pipe(activeSpeakers(roster$)).subscribe((list) => seen.push(list.map((s) => s.name ?? s.pid)));
    speaker$.next(speakers([{ pid: 'a', name: 'pushed name' }]));
    const update = [fullRoster([item('a', person('Ann'))])];
    from(update)
      .pipe(foldRoster())
      .subscribe((u) => roster$.next(u.roster));
    speaker$.next(speakers([{ pid: 'a', name: 'pushed name' }, { pid: 'z' }]));
    speaker$.next(speakers([]));
    expect(seen).toEqual([['pushed name'], ['Ann', 'z'], []]);
  });

  it('foldWaitingRoom, foldAttendees and foldMeetingState fold their pushes', async () => {
    const room = await collect(
      from([waiting(1, 1, [{ pid: 'w', mode: 0, pinfoMap: { NAME: 'Guest' } }])]).pipe(foldWaitingRoom()),
    );
    expect(room[0]?.waitingRoom.get('w')?.name).toBe('Guest');
    const people = await collect(
      from([attendees(0, 1, [{ mode: 0, userUUID: 'u', name: 'Una' }])]).pipe(foldAttendees()),
    );
    expect(people[0]?.attendees.get('u')?.name).toBe('Una');
    const dynamic: ConfDynamicInfoNotify = {
      action: 'ConfDynamicInfoNotify',
      version: 5,
      createTime: 5,
      msgID: '',
      msgMode: 0,
      confID: 'c',
      data: { state: 'Destroyed' },
    };
    const meeting = await collect(from([dynamic]).pipe(foldMeetingState()));
    expect(meeting[0]?.meeting.state).toBe('ended');
  });
});
