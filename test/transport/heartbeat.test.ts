import { take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { heartbeat } from '../../src/transport/heartbeat.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** §5.2: the sequence is the build time in ms, zero-padded to 30 characters. */
const beatAt = (ms: number) => {
  const sequence = String(ms).padStart(30, '0');
  return { sequence, frame: JSON.stringify({ action: 'HeartBeat', sequence }) };
};

describe('heartbeat', () => {
  it('emits a HeartBeat frame every interval, the first after one interval, stamped with the scheduler time', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      expectObservable(heartbeat(100, scheduler).pipe(take(3))).toBe('100ms a 99ms b 99ms (c|)', {
        a: beatAt(100),
        b: beatAt(200),
        c: beatAt(300),
      });
    });
  });

  it('stops when unsubscribed', () => {
    const scheduler = testScheduler();
    scheduler.run(({ expectObservable }) => {
      expectObservable(heartbeat(100, scheduler), '250ms !').toBe('100ms a 99ms b', {
        a: beatAt(100),
        b: beatAt(200),
      });
    });
  });
});
