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

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 300);
const CODES: readonly FrameDecodeErrorCode[] = [
  'FRAME_INVALID_JSON',
  'FRAME_NOT_OBJECT',
  'FRAME_NO_ACTION',
  'FRAME_INVALID',
];
const EXAMPLES = Object.values(SERVER_FRAME_EXAMPLES);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every (container, key) pair inside a JSON value. */
function slots(value: Json, out: Array<[Json[] | { [key: string]: Json }, string | number]> = []) {
  if (Array.isArray(value))
    value.forEach((v, i) => {
      out.push([value, i]);
      slots(v, out);
    });
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push([value, k]);
      slots(v, out);
    }
  return out;
}

type Mutation =
  | { kind: 'drop'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'insert'; at: number; key: string; value: Json }
  | { kind: 'pad'; at: number }
  | { kind: 'stringify'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('__proto__', 'pid ', 'errorCode', 'orgId', 'groupId', 'data'),
    ),
    value: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  }),
  fc.record({ kind: fc.constant('pad' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('stringify' as const), at: fc.nat() }),
);

function mutate(frame: Json, m: Mutation): Json {
  const all = slots(frame);
  if (all.length === 0) return frame;
  const [container, key] = all[m.at % all.length] as [Record<string | number, Json>, string | number];
  const current = container[key] as Json;
  const isArray = Array.isArray(container);
  switch (m.kind) {
    case 'drop':
      if (isArray) (container as unknown as Json[]).splice(key as number, 1);
      else delete container[key];
      break;
    case 'replace':
      container[key] = m.value;
      break;
    case 'insert':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
        Object.defineProperty(current, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else container[key] = m.value;
      break;
    case 'pad':
      if (!isArray) {
        delete container[key];
        container[`${String(key)} `] = current;
      }
      break;
    case 'stringify':
      if (typeof current === 'number' || typeof current === 'boolean') container[key] = String(current);
      else if (typeof current === 'string' && current !== '' && Number.isFinite(Number(current)))
        container[key] = Number(current);
      break;
  }
  return frame;
}

const mutatedFrame = fc
  .tuple(fc.constantFrom(...EXAMPLES), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([text, ms]) => ms.reduce<Json>((f, m) => mutate(f, m), JSON.parse(text) as Json));

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
