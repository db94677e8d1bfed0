/**
 * The benchmarks' frame mix, built from the shared push frames of test/fixtures/push-frames.ts.
 */

import {
  confDynamicInfoFrame,
  participantsFullFrame,
  participantsIncrementFrame,
  speakerChangeFrame,
} from '../test/fixtures/push-frames.js';

/** One kind of frame in the mix, with how many of it one cycle of the mix holds. */
export interface MixPart {
  readonly kind: string;
  readonly weight: number;
  readonly frames: readonly string[];
}

/**
 * The representative mix: per cycle 20 small participant increments, 4 status messages and one
 * 100-person full list — many small changes, the occasional snapshot.
 */
export function representativeMix(): readonly MixPart[] {
  return [
    {
      kind: 'participantIncrement',
      weight: 20,
      frames: Array.from({ length: 20 }, (_, i) => participantsIncrementFrame(i)),
    },
    {
      kind: 'confDynamicInfo',
      weight: 4,
      frames: Array.from({ length: 4 }, (_, i) => confDynamicInfoFrame(i)),
    },
    { kind: 'participantsFull100', weight: 1, frames: [participantsFullFrame(100)] },
  ];
}

/**
 * Kinds measured on their own but left out of the mix, so the mix's figure stays comparable with
 * earlier runs. Their `weight` is what they would have in the mix.
 */
export function separateKinds(): readonly MixPart[] {
  return [
    {
      kind: 'speakerChange',
      weight: 2,
      frames: Array.from({ length: 8 }, (_, i) => speakerChangeFrame(i)),
    },
  ];
}

/** The frames of one mix cycle, interleaved. */
export function mixCycle(parts: readonly MixPart[]): string[] {
  const cycle: string[] = [];
  const longest = Math.max(...parts.map((p) => p.frames.length));
  for (let i = 0; i < longest; i++)
    for (const p of parts) if (i < p.weight) cycle.push(p.frames[i % p.frames.length] ?? '');
  return cycle;
}
