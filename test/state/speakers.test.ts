import { describe, expect, it } from 'vitest';
import { applyParticipants, initialRosterState } from '../../src/state/roster.js';
import { resolveSpeakers } from '../../src/state/speakers.js';
import { fullRoster, item, person, speakers } from './fixtures.js';

const roster = applyParticipants(initialRosterState(), fullRoster([item('k7', person('Kenji Sato'))])).roster;

describe('resolveSpeakers', () => {
  it('resolves known pids to participants and falls back to the push name', () => {
    const result = resolveSpeakers(
      speakers([
        { pid: 'p3', name: 'Priya Nair', speakingVolume: 22 },
        { pid: 'k7', name: 'stale name', speakingVolume: 61 },
      ]),
      roster,
    );
    expect(result.map((s) => [s.pid, s.name, s.volume])).toEqual([
      ['k7', 'Kenji Sato', 61],
      ['p3', 'Priya Nair', 22],
    ]);
    expect(result[0]?.participant).toBe(roster.get('k7'));
    expect(result[1]?.participant).toBeUndefined();
  });

  it('nobody speaking gives an empty list', () => {
    expect(resolveSpeakers(speakers([]), roster)).toEqual([]);
  });

  it('sorts loudest first, missing volume last, ties in push order', () => {
    const result = resolveSpeakers(
      speakers([
        { pid: 'a' },
        { pid: 'b', speakingVolume: 5 },
        { pid: 'c', speakingVolume: 9 },
        { pid: 'd', speakingVolume: 5 },
      ]),
      roster,
    );
    expect(result.map((s) => s.pid)).toEqual(['c', 'b', 'd', 'a']);
    expect(result[3]?.name).toBeUndefined();
  });
});
