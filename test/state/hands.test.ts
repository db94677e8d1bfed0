import { describe, expect, it } from 'vitest';
import type { HandsRaisedState } from '../../src/state/hands.js';
import { initialHandsRaised, updateHandsRaised } from '../../src/state/hands.js';
import type { RosterUpdate } from '../../src/state/roster.js';
import { applyParticipants, initialRosterState } from '../../src/state/roster.js';
import { delta, fullRoster, item, person, removal } from './fixtures.js';

function run(messages: Parameters<typeof applyParticipants>[1][]): HandsRaisedState[] {
  let roster: RosterUpdate | ReturnType<typeof initialRosterState> = initialRosterState();
  let hands = initialHandsRaised();
  const out: HandsRaisedState[] = [];
  for (const m of messages) {
    const update = applyParticipants(roster, m);
    hands = updateHandsRaised(hands, update);
    out.push(hands);
    roster = update;
  }
  return out;
}

const names = (s: HandsRaisedState | undefined) => s?.raised.map((p) => p.name);

describe('hands raised order', () => {
  it('orders by raise time; lowering or leaving removes', () => {
    const states = run([
      fullRoster([item('a', person('Ann')), item('b', person('Bob')), item('c', person('Cy'))]),
      delta(1, [item('c', { HAND: '1' })]),
      delta(2, [item('a', { HAND: '1' })]),
      delta(3, [item('b', { HAND: '1' })]),
      delta(4, [item('c', { HAND: '0' })]),
      delta(5, [removal('a')]),
      delta(6, [item('c', { HAND: '1' })]),
    ]);
    expect(states.map(names)).toEqual([
      [],
      ['Cy'],
      ['Cy', 'Ann'],
      ['Cy', 'Ann', 'Bob'],
      ['Ann', 'Bob'],
      ['Bob'],
      ['Bob', 'Cy'],
    ]);
  });

  it('seeds from the initial snapshot, keeps known order across a resync, appends newcomers', () => {
    const states = run([
      fullRoster([item('a', person('Ann', { HAND: '1' })), item('b', person('Bob'))]),
      delta(1, [item('b', { HAND: '1' })]),
      fullRoster(
        [
          item('n', person('New', { HAND: '1' })),
          item('b', person('Bob', { HAND: '1' })),
          item('a', person('Ann', { HAND: '1' })),
        ],
        2,
      ),
    ]);
    expect(states.map(names)).toEqual([['Ann'], ['Ann', 'Bob'], ['Ann', 'Bob', 'New']]);
  });

  it('a joiner with a raised hand is appended; a raised person renamed is refreshed', () => {
    const states = run([
      fullRoster([item('a', person('Ann', { HAND: '1' }))]),
      delta(1, [item('j', person('Joy', { HAND: '1' }))]),
      delta(2, [item('a', { NAME: 'Ann B.' })]),
    ]);
    expect(states.map(names)).toEqual([['Ann'], ['Ann', 'Joy'], ['Ann B.', 'Joy']]);
  });

  it('returns the same object when no raised hand is touched', () => {
    const states = run([
      fullRoster([item('a', person('Ann', { HAND: '1' })), item('b', person('Bob'))]),
      delta(1, [item('b', { MUTE: '1' })]),
      delta(1, [item('b', { MUTE: '0' })]),
    ]);
    expect(states[1]).toBe(states[0]);
    expect(states[2]).toBe(states[1]);
  });
});

describe('hands raised order: edge cases', () => {
  it('starts with no hands', () => {
    expect(initialHandsRaised()).toEqual({ order: [], raised: [] });
  });

  it('a resync drops hands that went down and people who left, keeping the rest in order', () => {
    const states = run([
      fullRoster([
        item('a', person('Ann', { HAND: '1' })),
        item('b', person('Bob')),
        item('c', person('Cy', { HAND: '1' })),
      ]),
      delta(1, [item('b', { HAND: '1' })]),
      // Ann lowered her hand and Cy left while we were away.
      fullRoster([item('a', person('Ann')), item('b', person('Bob', { HAND: '1' }))], 2),
    ]);
    expect(states.map((s) => s.order)).toEqual([['a', 'c'], ['a', 'c', 'b'], ['b']]);
    expect(names(states[2])).toEqual(['Bob']);
  });

  it('an identical resync, or someone without a raised hand leaving, keeps the same object', () => {
    const states = run([
      fullRoster([item('a', person('Ann', { HAND: '1' })), item('b', person('Bob'))]),
      fullRoster([item('b', person('Bob')), item('a', person('Ann', { HAND: '1' }))], 2),
      delta(1, [removal('b')]),
    ]);
    expect(states[1]).toBe(states[0]);
    expect(states[2]).toBe(states[1]);
  });

  it('skips pids the roster no longer holds (a state that missed an update)', () => {
    const first = applyParticipants(initialRosterState(), fullRoster([item('a', person('Ann'))]));
    const update = applyParticipants(first, delta(1, [item('a', { HAND: '1' })]));
    // `gone` left in an update this state never saw.
    const stale: HandsRaisedState = { order: ['gone'], raised: [] };
    const next = updateHandsRaised(stale, update);
    expect(next.order).toEqual(['gone', 'a']);
    expect(names(next)).toEqual(['Ann']);
  });
});
