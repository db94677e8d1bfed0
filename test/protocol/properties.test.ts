/**
 * Property tests (fast-check): random mutations of valid frames never throw, give Right or a typed
 * Left, and the fast path and the full io-ts decode always agree. Runs per property: FC_NUM_RUNS
 * (default 300); raise it for a soak.
 */
import fc from 'fast-check';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { FrameDecodeErrorCode } from '../../src/protocol/decode-error.js';
import { decodeServerFrame, decodeServerMessage } from '../../src/protocol/decode-server-frame.js';
import { SERVER_FRAME_EXAMPLES } from './fixtures/protocol-examples.js';
import { revealSecrets } from './helpers.js';
import { mutatedFrames } from './mutations.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);
const CODES: readonly FrameDecodeErrorCode[] = [
  'FRAME_INVALID_JSON',
  'FRAME_NOT_OBJECT',
  'FRAME_NO_ACTION',
  'FRAME_INVALID',
];
const EXAMPLES = Object.values(SERVER_FRAME_EXAMPLES);

const mutatedFrame = mutatedFrames(EXAMPLES);

describe('property: mutated frames', () => {
  it('never throw; give Right or a typed Left; fast path and full decode agree', () => {
    fc.assert(
      fc.property(mutatedFrame, (frame) => {
        const text = JSON.stringify(frame);
        const normal = decodeServerMessage(JSON.parse(text));
        const full = decodeServerMessage(JSON.parse(text));
        expect(revealSecrets(normal)).toEqual(revealSecrets(full));
        // From text, the fast path may take its own parse apart; the result must not differ.
        expect(revealSecrets(decodeServerFrame(text))).toEqual(revealSecrets(full));
        if (isLeft(normal)) {
          expect(CODES).toContain(normal.left.code);
          expect(typeof normal.left.path).toBe('string');
          expect(normal.left.message.length).toBeGreaterThan(0);
        } else {
          expect(typeof normal.right.action).toBe('string');
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('truncated text never throws and is Right or FRAME_INVALID_JSON', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), (text, cut) => {
        const result = decodeServerFrame(text.slice(0, cut % (text.length + 1)));
        if (isLeft(result)) expect(result.left.code).toBe('FRAME_INVALID_JSON');
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('arbitrary JSON and arbitrary text never throw', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 3 }), fc.string()), (text) => {
        const result = decodeServerFrame(text);
        if (isLeft(result)) expect(CODES).toContain(result.left.code);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
