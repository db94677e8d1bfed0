import { Observable, of } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { createInterest, sameList, subscribeList, subscribeListChanges } from '../../src/meeting/interest.js';

describe('createInterest', () => {
  it('publishes the set only when a type gains its first or loses its last subscriber', () => {
    const interest = createInterest();
    const seen: string[][] = [];
    interest.types$.subscribe((set) => seen.push([...set].sort()));
    interest.add('ParticipantsNotify');
    interest.add('ParticipantsNotify');
    interest.add('SpeakerChangeNotify');
    interest.remove('ParticipantsNotify');
    interest.remove('ParticipantsNotify');
    interest.remove('ParticipantsNotify'); // one too many: ignored
    expect(seen).toEqual([
      [],
      ['ParticipantsNotify'],
      ['ParticipantsNotify', 'SpeakerChangeNotify'],
      ['SpeakerChangeNotify'],
    ]);
  });
});

describe('subscribeList', () => {
  it('adds the always-subscribed types, orders by the documented list, puts undocumented names last', () => {
    expect(
      subscribeList(
        ['SpeakerChangeNotify', 'CustomMultiPicNotify', 'ParticipantsNotify'],
        ['ConfDynamicInfoNotify'],
      ),
    ).toEqual(['ConfDynamicInfoNotify', 'ParticipantsNotify', 'SpeakerChangeNotify', 'CustomMultiPicNotify']);
  });

  it('does not repeat a type', () => {
    expect(subscribeList(['ConfDynamicInfoNotify'], ['ConfDynamicInfoNotify'])).toEqual([
      'ConfDynamicInfoNotify',
    ]);
  });

  it('sameList compares element by element', () => {
    expect(sameList(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameList(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameList(['a'], ['a', 'b'])).toBe(false);
  });
});

describe('subscribeListChanges', () => {
  it('turns sets arriving together into one list and does not repeat an unchanged list', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const sets = {
        a: new Set(['SpeakerChangeNotify']),
        b: new Set(['SpeakerChangeNotify', 'ParticipantsNotify']),
        c: new Set(['ParticipantsNotify', 'SpeakerChangeNotify']),
        d: new Set<string>(),
      };
      const always = ['ConfDynamicInfoNotify'];
      const lists = {
        x: ['ConfDynamicInfoNotify', 'ParticipantsNotify', 'SpeakerChangeNotify'],
        y: ['ConfDynamicInfoNotify'],
      };
      // a and b in one frame: one list (b's); c is the same list: nothing; d then completes: flushed.
      const types$ = cold('(ab) 4ms c 4ms (d|)', sets);
      expectObservable(subscribeListChanges(types$, always, scheduler)).toBe('x 12ms (y|)', lists);
    });
  });

  it('errors when the sets do', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const types$ = cold<ReadonlySet<string>>('#', undefined, new Error('boom'));
      expectObservable(subscribeListChanges(types$, [], scheduler)).toBe('#', undefined, new Error('boom'));
    });
  });
});

describe('Interest.wanting', () => {
  it('counts its type before the source starts, for as long as it is subscribed', () => {
    const interest = createInterest();
    const seen: string[][] = [];
    interest.types$.subscribe((types) => seen.push([...types]));
    const started: string[][] = [];
    const source$ = new Observable<never>(() => {
      // The connection this source stands for sees the type wanted already.
      interest.types$.subscribe((types) => started.push([...types])).unsubscribe();
    });
    const a = interest.wanting('ParticipantsNotify', source$).subscribe();
    const b = interest.wanting('ParticipantsNotify', source$).subscribe();
    expect(started[0]).toEqual(['ParticipantsNotify']);
    a.unsubscribe();
    expect(seen.at(-1)).toEqual(['ParticipantsNotify']);
    b.unsubscribe();
    expect(seen).toEqual([[], ['ParticipantsNotify'], []]);
  });

  it('passes the source through, and stops counting when the source ends', () => {
    const interest = createInterest();
    const values: number[] = [];
    let completed = false;
    interest
      .wanting('SpeakerChangeNotify', of(1, 2))
      .subscribe({ next: (v) => values.push(v), complete: () => (completed = true) });
    expect(values).toEqual([1, 2]);
    expect(completed).toBe(true);
    let current: string[] = [];
    interest.types$.subscribe((types) => (current = [...types]));
    expect(current).toEqual([]);
  });
});
