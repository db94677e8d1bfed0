/**
 * ConfDynamicInfoNotify's fast path (src/protocol/fast/conf-dynamic-info.ts) equals the slow path
 * on arbitrary frames and on mutations of valid ones, reads every field of the slow codec, and takes
 * the parsed frame apart only when it takes the frame.
 */
import { describe, expect, it } from 'vitest';
import { confDynamicInfoNotifyFast } from '../../../src/protocol/fast/conf-dynamic-info.js';
import { confDynamicInfoProps } from '../../../src/protocol/notify/conf-dynamic-info.js';
import { MISS, NumberLike, StringLike } from '../../../src/protocol/scalars.js';
import { confDynamicInfoFrame } from '../../fixtures/push-frames.js';
import { confDynamicInfo } from '../fixtures/protocol-examples.js';
import { statusFrame } from '../frame-arbitraries.js';
import { mutatedFrames } from '../mutations.js';
import { assertFastEqualsSlow, fastEqualsSlow } from './equivalence.js';

const VALID = [confDynamicInfo, confDynamicInfoFrame(0), confDynamicInfoFrame(1)];

/** A status frame with one field in its other documented form (§9.21: numbers as strings, …). */
function frameWith(key: string, value: unknown): string {
  return JSON.stringify({
    [key]: value,
    aiRecState: 0,
    confID: 'c',
    msgID: 'm',
    msgMode: 0,
    version: 1,
    createTime: 1,
    action: 'ConfDynamicInfoNotify',
  });
}

describe('ConfDynamicInfoNotify fast path', () => {
  it('takes the documented frames and gives the slow path’s value', () => {
    for (const text of VALID) expect(fastEqualsSlow(confDynamicInfoNotifyFast, text)).toBe(true);
  });

  it('converts every field of the slow codec, not only the ones it was written for', () => {
    for (const [key, codec] of Object.entries(confDynamicInfoProps)) {
      const value =
        codec === NumberLike
          ? '7'
          : codec === StringLike
            ? 7
            : { picNum: '4', period: 0, picInfos: [{ index: '1', id: [9], share: '0' }] };
      expect(fastEqualsSlow(confDynamicInfoNotifyFast, frameWith(key, value)), key).toBe(true);
    }
  });

  it('makes the parsed frame its data: envelope keys deleted, nothing copied', () => {
    const parsed = JSON.parse(confDynamicInfo) as Record<string, unknown>;
    const decoded = confDynamicInfoNotifyFast(parsed);
    if (decoded === MISS) throw new Error('missed');
    expect(decoded.data).toBe(parsed);
    expect(Object.keys(parsed)).not.toContain('action');
    expect(Object.keys(parsed)).not.toContain('msgID');
  });

  it('property: arbitrary frames (envelope first or last)', () => {
    assertFastEqualsSlow(confDynamicInfoNotifyFast, statusFrame);
  });

  it('property: mutated valid frames', () => {
    assertFastEqualsSlow(
      confDynamicInfoNotifyFast,
      mutatedFrames(VALID).map((f) => JSON.stringify(f)),
    );
  });
});
