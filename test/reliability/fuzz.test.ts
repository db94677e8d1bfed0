/**
 * Fuzzing the decoder and the folds (issue 6 §2). A few hundred runs here; `FC_NUM_RUNS=100000`
 * (as `npm run soak` does) for the long version.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeServerFrame } from '../../src/protocol/decode-server-frame.js';
import { applyParticipants, initialRosterState } from '../../src/state/roster.js';
import { fuzzProperties, isPolluted, numRunsFromEnv, prototypeFingerprint } from './fuzz-properties.js';

const numRuns = numRunsFromEnv(300);

describe('fuzzing', () => {
  for (const { name, property } of fuzzProperties()) {
    it(name, () => {
      fc.assert(property, { numRuns });
    });
  }

  it('keeps a __proto__ pid and pinfoMap key as plain data end to end', () => {
    const before = prototypeFingerprint();
    const text =
      '{"action":"ParticipantsNotify","msgMode":0,"version":1,"createTime":1,"confID":"1","data":' +
      '[{"pid":"__proto__","mode":0,"pinfoMap":{"NAME":"Ann","__proto__":{"polluted":"yes"},"constructor":"c","prototype":"p"}}]}';
    const decoded = decodeServerFrame(text);
    expect(decoded).toMatchObject({ _tag: 'Right', right: { action: 'ParticipantsNotify' } });
    if (decoded._tag !== 'Right' || decoded.right.action !== 'ParticipantsNotify') return;
    const { roster } = applyParticipants(initialRosterState(), decoded.right);
    const person = roster.get('__proto__');
    expect(person?.name).toBe('Ann');
    expect(person?.raw.get('constructor')).toBe('c');
    expect(person?.raw.get('prototype')).toBe('p');
    expect(isPolluted()).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeFingerprint()).toBe(before);
  });

  it('the pollution probe itself can fail (sanity check of the check)', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.polluted = 'yes';
    try {
      expect(isPolluted()).toBe(true);
      expect(prototypeFingerprint()).not.toBe('');
    } finally {
      delete proto.polluted;
    }
    expect(isPolluted()).toBe(false);
  });
});
