/**
 * SpeakerChangeNotify's fast path (src/protocol/fast/speaker-change.ts) equals the slow path on
 * arbitrary frames and on mutations of valid ones.
 */
import { describe, expect, it } from 'vitest';
import { speakerChangeNotifyFast } from '../../../src/protocol/fast/speaker-change.js';
import { MISS } from '../../../src/protocol/scalars.js';
import { speakerChangeFrame } from '../../fixtures/push-frames.js';
import { speakerChange, speakerChangeNobody } from '../fixtures/protocol-examples.js';
import { listFrame, speakerItem } from '../frame-arbitraries.js';
import { mutatedFrames } from '../mutations.js';
import { assertFastEqualsSlow, fastEqualsSlow } from './equivalence.js';

const VALID = [speakerChange, speakerChangeNobody, speakerChangeFrame(1), speakerChangeFrame(2)];

describe('SpeakerChangeNotify fast path', () => {
  it('takes the documented frames (nobody speaking too) and gives the slow path’s value', () => {
    for (const text of VALID) expect(fastEqualsSlow(speakerChangeNotifyFast, text)).toBe(true);
  });

  it('sorts loudest first, as the slow path does (§6.7)', () => {
    const frame = JSON.parse(speakerChange) as { data: unknown[] };
    frame.data.reverse();
    const text = JSON.stringify(frame);
    const decoded = speakerChangeNotifyFast(JSON.parse(text));
    if (decoded === MISS) throw new Error('missed');
    expect(decoded.data.map((s) => s.speakingVolume)).toEqual([61, 22]);
    fastEqualsSlow(speakerChangeNotifyFast, text);
  });

  it('property: arbitrary frames', () => {
    assertFastEqualsSlow(speakerChangeNotifyFast, listFrame('SpeakerChangeNotify', speakerItem));
  });

  it('property: mutated valid frames', () => {
    assertFastEqualsSlow(
      speakerChangeNotifyFast,
      mutatedFrames(VALID).map((f) => JSON.stringify(f)),
    );
  });
});
