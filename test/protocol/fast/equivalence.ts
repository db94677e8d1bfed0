/**
 * The check every fast-path property runs: on one frame, the fast path gives the slow path's Right
 * value or MISS (MISS whenever the slow path gives a Left), leaves its input as it was on MISS, and
 * `decodeServerFrame` gives exactly the slow path's result, Left or Right (same code, path and
 * message). Counts how often the fast path took the frame, so a property can prove it exercised both
 * outcomes rather than passing because the fast path always missed.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { decodeServerFrame, decodeServerMessage } from '../../../src/protocol/decode-server-frame.js';
import type { FastPath } from '../../../src/protocol/fast/fast-paths.js';
import { MISS } from '../../../src/protocol/scalars.js';

/** Runs per property: FC_NUM_RUNS (default 300). */
export const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);

/** Checks `fast` against the slow path on `text`; true when the fast path took the frame. */
export function fastEqualsSlow(fast: FastPath, text: string): boolean {
  const slow = decodeServerMessage(JSON.parse(text));
  const input = JSON.parse(text) as Record<string, unknown>;
  const result = fast(input);
  if (result === MISS) expect(input).toStrictEqual(JSON.parse(text));
  else expect(slow).toStrictEqual({ _tag: 'Right', right: result });
  expect(decodeServerFrame(text)).toStrictEqual(slow);
  return result !== MISS;
}

/**
 * Asserts the property over `frames` and that the fast path both took and missed a fair share of
 * them (at least `minShare` each), so neither outcome goes untested.
 */
export function assertFastEqualsSlow(fast: FastPath, frames: fc.Arbitrary<string>, minShare = 0.1): void {
  let took = 0;
  let runs = 0;
  fc.assert(
    fc.property(frames, (text) => {
      runs++;
      if (fastEqualsSlow(fast, text)) took++;
    }),
    { numRuns: NUM_RUNS },
  );
  expect(took / runs).toBeGreaterThanOrEqual(minShare);
  expect((runs - took) / runs).toBeGreaterThanOrEqual(minShare);
}
