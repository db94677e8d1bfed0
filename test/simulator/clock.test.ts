import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/simulator/index.js';

describe('createManualClock', () => {
  it('fires due timers in due order (ties in scheduling order), including timers they schedule', () => {
    const clock = createManualClock(1_000);
    const log: string[] = [];
    clock.setTimeout(() => log.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => {
      log.push(`a@${clock.now()}`);
      clock.setTimeout(() => log.push(`c@${clock.now()}`), 50);
    }, 100);
    clock.setTimeout(() => log.push(`b2@${clock.now()}`), 200);
    const cancelled = clock.setTimeout(() => log.push('never'), 10);
    clock.clearTimeout(cancelled);
    clock.advance(199);
    expect(log).toEqual(['a@1100', 'c@1150']);
    clock.advance(1);
    expect(log).toEqual(['a@1100', 'c@1150', 'b@1200', 'b2@1200']);
    expect(clock.now()).toBe(1_200);
    clock.advance(1_000);
    expect(clock.now()).toBe(2_200);
  });
});
