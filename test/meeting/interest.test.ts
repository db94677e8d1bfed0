import { describe, expect, it } from 'vitest';
import { createInterest, sameList, subscribeList } from '../../src/meeting/interest.js';

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
