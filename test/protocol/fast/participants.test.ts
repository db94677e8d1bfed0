/**
 * ParticipantsNotify's fast path (src/protocol/fast/participants.ts) equals the slow path on
 * arbitrary frames and on mutations of valid ones.
 */
import { describe, expect, it } from 'vitest';
import { participantsNotifyFast } from '../../../src/protocol/fast/participants.js';
import { MISS } from '../../../src/protocol/scalars.js';
import { participantsFullFrame, participantsIncrementFrame } from '../../fixtures/push-frames.js';
import { participantsFull, participantsIncremental } from '../fixtures/protocol-examples.js';
import { listFrame, participantItem } from '../frame-arbitraries.js';
import { mutatedFrames } from '../mutations.js';
import { assertFastEqualsSlow, fastEqualsSlow } from './equivalence.js';

const VALID = [
  participantsFull,
  participantsIncremental,
  participantsIncrementFrame(1),
  participantsFullFrame(3),
];

describe('ParticipantsNotify fast path', () => {
  it('takes the documented frames and gives the slow path’s value', () => {
    for (const text of VALID) expect(fastEqualsSlow(participantsNotifyFast, text)).toBe(true);
  });

  it('shares clean pinfoMaps with the input and builds items of one shape', () => {
    const frame = JSON.parse(participantsIncremental) as { data: Array<Record<string, unknown>> };
    const decoded = participantsNotifyFast(frame);
    if (decoded === MISS) throw new Error('missed');
    expect(decoded.data[0]?.pinfoMap).toBe(frame.data[0]?.pinfoMap);
    expect(decoded.data.map((p) => Object.keys(p))).toEqual([
      ['pid', 'mode', 'pinfoMap'],
      ['pid', 'mode', 'pinfoMap'],
    ]);
  });

  it('property: arbitrary frames', () => {
    assertFastEqualsSlow(participantsNotifyFast, listFrame('ParticipantsNotify', participantItem));
  });

  it('property: mutated valid frames', () => {
    assertFastEqualsSlow(
      participantsNotifyFast,
      mutatedFrames(VALID).map((f) => JSON.stringify(f)),
    );
  });
});
