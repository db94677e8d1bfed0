/**
 * The slow path's key pre-pass (src/protocol/wire-keys.ts) on small io-ts codecs: trimmed keys, §9
 * alternates, `__proto__` dropped, `null` as absent, and errors that name wire keys.
 */
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/protocol/decode-report.js';
import { NumberLike, StringLike } from '../../src/protocol/scalars.js';
import { wireKeys } from '../../src/protocol/wire-keys.js';

/** Decoded value, or the test fails. */
function ok<A>(codec: t.Decoder<unknown, A>, u: unknown): A {
  const r = codec.decode(u);
  if (isLeft(r)) throw new Error(describeFailure(codec.name, r.left).message);
  return r.right;
}

/** The path and message of the first failure, and how many failures there were. */
function failure(codec: t.Decoder<unknown, unknown>, u: unknown) {
  const r = codec.decode(u);
  if (isRight(r)) throw new Error('expected a failure');
  return { ...describeFailure(codec.name, r.left), count: r.left.length };
}

// Kept unknown keys (no t.exact), a required and an optional run, one §9-style alternate.
const Open = wireKeys(
  t.intersection([t.type({ id: StringLike }), t.partial({ orgID: StringLike, n: NumberLike })], 'Open'),
  { keys: { orgID: ['orgID', 'orgId'] }, exclude: ['action'] },
);
const Closed = wireKeys(t.exact(t.type({ id: StringLike, list: t.array(NumberLike) }), 'Closed'));

describe('wireKeys', () => {
  it('trims keys, the exact spelling winning over a padded one, for fields and unknown keys', () => {
    expect(ok(Open, { ' id': 'a', 'x ': 1 })).toEqual({ id: 'a', x: 1 });
    expect(ok(Open, { 'id ': 'padded', id: 'exact', 'x ': 'padded', x: 'exact' })).toEqual({
      id: 'exact',
      x: 'exact',
    });
  });

  it('reads the alternates in order: exact documented, exact alternate, then trimmed ones', () => {
    expect(ok(Open, { id: 'a', orgId: '2' })).toEqual({ id: 'a', orgID: '2' });
    expect(ok(Open, { id: 'a', orgId: '2', orgID: '1' })).toEqual({ id: 'a', orgID: '1' });
    expect(ok(Open, { id: 'a', orgId: '2', ' orgID': '1' })).toEqual({ id: 'a', orgID: '2' });
    // An alternate spelling is never kept beside the field as an unknown key.
    expect(Object.keys(ok(Open, { id: 'a', orgID: '1', 'orgId ': '2' }))).toEqual(['id', 'orgID']);
  });

  it('drops __proto__ (exact or padded) and never copies excluded names', () => {
    const u = JSON.parse('{"id":"a","__proto__":{"polluted":1}," __proto__ ":{"p":2},"action ":"X"}');
    const decoded = ok(Open, u);
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['id']);
  });

  it('treats null as absent: an optional field is left out, a required one is missing', () => {
    expect(ok(Open, { id: 'a', n: null })).toEqual({ id: 'a' });
    expect(failure(Open, { 'id ': null })).toMatchObject({
      path: '["id "]',
      message: 'Open: required field ["id "] is missing',
    });
  });

  it('errors name the wire key and hold no step of the codec (intersection members)', () => {
    expect(failure(Open, { id: 'a', orgId: {} })).toMatchObject({ path: 'orgId', count: 1 });
    expect(failure(Open, { id: 'a', 'n ': 'x' })).toMatchObject({
      path: '["n "]',
      message: 'Open: ["n "]: expected number | numeric string, got a string',
    });
    expect(failure(Closed, { id: 'a', ' list': [1, 'x'] })).toMatchObject({ path: '[" list"][1]' });
  });

  it('fails anything but an object once, under the codec name', () => {
    expect(failure(Open, [1])).toMatchObject({
      count: 1,
      message: 'Open: value: expected Open, got an array',
    });
    expect(failure(Closed, null)).toMatchObject({
      count: 1,
      message: 'Closed: value: expected Closed, got null',
    });
  });

  it('leaves its input as it was', () => {
    const u = { ' id': 'a', orgId: '1', n: null };
    ok(Open, u);
    expect(u).toEqual({ ' id': 'a', orgId: '1', n: null });
  });
});
