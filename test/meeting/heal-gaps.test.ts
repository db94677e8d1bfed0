/**
 * `healGaps` (src/meeting/heal-gaps.ts): a lost list message asks for a fresh full one, and the
 * socket fails if none comes in time (PROTOCOL.md §6.0, §9.6). In marble time.
 */
import { NEVER, type Observable, type SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { type HealGapsOptions, healGaps } from '../../src/meeting/heal-gaps.js';
import { type LinkEvent, linkWarning, PHASE } from '../../src/meeting/link-events.js';
import type { VersionWarning } from '../../src/state/version-check.js';
import {
  attendees,
  participantsFull,
  participantsIncremental,
  waitingList,
} from '../protocol/fixtures/protocol-examples.js';
import { as, decodeOk } from '../protocol/helpers.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const TIMEOUT_MS = 100;
const full = as(decodeOk(participantsFull), 'ParticipantsNotify');
const increment = { ...as(decodeOk(participantsIncremental), 'ParticipantsNotify'), version: 8 };
const attendeesFull = as(decodeOk(attendees), 'AttendeesNotify');
const waitingFull = { ...as(decodeOk(waitingList), 'WaitingListNotify'), msgMode: 0 as const };

function loss(code: VersionWarning['code'], action = 'ParticipantsNotify') {
  return linkWarning({ code, action, version: 7, lastVersion: 3, message: `${action}: ${code}` });
}
const gap = loss('VERSION_GAP');

function resyncTimeout(action = 'ParticipantsNotify') {
  return {
    code: 'RESYNC_TIMEOUT',
    action,
    afterMs: TIMEOUT_MS,
    message: `no full ${action} within ${TIMEOUT_MS} ms of asking for one; reconnecting`,
  };
}

const VALUES = { w: gap, f: full, i: increment, a: attendeesFull, s: PHASE.subscribing, q: waitingFull };

/**
 * healGaps with a recording `resubscribe` (answering `answer`), on `scheduler`; `calls` holds each
 * resubscribe as `[frame, action]`.
 */
function healer(
  scheduler: SchedulerLike,
  overrides: Partial<HealGapsOptions> & { answer?: boolean } = {},
): { heal: (source: Observable<LinkEvent>) => Observable<LinkEvent>; calls: Array<[number, string]> } {
  const calls: Array<[number, string]> = [];
  const { answer = true, ...options } = overrides;
  const heal = healGaps({
    requests$: NEVER,
    resubscribe: (action) => {
      calls.push([scheduler.now(), action]);
      return answer;
    },
    onGaps: true,
    timeoutMs: TIMEOUT_MS,
    scheduler,
    ...options,
  });
  return { heal, calls };
}

describe('healGaps', () => {
  it('passes a loss warning of a list type on, resubscribes once for its type, and waits', () => {
    const scheduler = testScheduler();
    const { heal, calls } = healer(scheduler);
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot<LinkEvent>('-w-i', VALUES).pipe(heal), '^ 50ms !').toBe('-w-i', VALUES);
    });
    expect(calls).toEqual([[1, 'ParticipantsNotify']]);
  });

  it('heals after a stale list message too, and after a loss of every list type', () => {
    const scheduler = testScheduler();
    const { heal, calls } = healer(scheduler);
    const values = {
      s: loss('STALE_VERSION'),
      a: loss('VERSION_GAP', 'AttendeesNotify'),
      n: loss('VERSION_GAP', 'NetConditionNotify'),
      q: loss('STALE_VERSION', 'WaitingListNotify'),
    };
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot<LinkEvent>('-s-a-n-q', values).pipe(heal), '^ 50ms !').toBe('-s-a-n-q', values);
    });
    expect(calls).toEqual([
      [1, 'ParticipantsNotify'],
      [3, 'AttendeesNotify'],
      [5, 'NetConditionNotify'],
      [7, 'WaitingListNotify'],
    ]);
  });

  it('does not heal after a duplicate (nothing was lost) nor after a gap of a type that is not a list', () => {
    const scheduler = testScheduler();
    const { heal, calls } = healer(scheduler);
    const values = { d: loss('DUPLICATE_VERSION'), c: loss('VERSION_GAP', 'ConfDynamicInfoNotify') };
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot<LinkEvent>('-d-c-', values).pipe(heal)).toBe('-d-c-', values);
    });
    expect(calls).toEqual([]);
  });

  it('ends the heal at a full push of that type within timeoutMs: no error', () => {
    const scheduler = testScheduler();
    const { heal } = healer(scheduler);
    scheduler.run(({ hot, expectObservable }) => {
      // The full push comes 1 ms before the deadline; the stream then runs well past it.
      expectObservable(hot<LinkEvent>('-w 98ms f', VALUES).pipe(heal), '^ 300ms !').toBe('-w 98ms f', VALUES);
    });
  });

  it('fails with RESYNC_TIMEOUT at exactly timeoutMs when no full push comes', () => {
    const scheduler = testScheduler();
    const { heal } = healer(scheduler);
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const source = hot<LinkEvent>('-w----', VALUES);
      expectObservable(source.pipe(heal)).toBe('-w 99ms #', VALUES, resyncTimeout());
      expectSubscriptions(source.subscriptions).toBe('^ 100ms !');
    });
  });

  it('does not count a full push of another type', () => {
    const scheduler = testScheduler();
    const { heal } = healer(scheduler);
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot<LinkEvent>('-w-a-q', VALUES).pipe(heal)).toBe(
        '-w-a-q 95ms #',
        VALUES,
        resyncTimeout(),
      );
    });
  });

  it('does not end a heal at an incremental push of that type', () => {
    const scheduler = testScheduler();
    const { heal } = healer(scheduler);
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot<LinkEvent>('-w-i', VALUES).pipe(heal)).toBe(
        '-w-i 97ms #',
        VALUES,
        resyncTimeout(),
      );
    });
  });

  it('ignores requests for a type whose heal is under way: one Subscribe, one deadline', () => {
    const scheduler = testScheduler();
    const { heal, calls } = healer(scheduler);
    scheduler.run(({ hot, expectObservable }) => {
      // The second gap at 50 ms neither resubscribes nor moves the deadline (still 101).
      const source = hot<LinkEvent>('-w 48ms w', VALUES);
      expectObservable(source.pipe(heal)).toBe('-w 48ms w 50ms #', VALUES, resyncTimeout());
    });
    expect(calls).toEqual([[1, 'ParticipantsNotify']]);
  });

  it('heals again after a heal has ended, one heal timeout after the last (issue 14)', () => {
    const scheduler = testScheduler();
    const { heal, calls } = healer(scheduler);
    scheduler.run(({ hot, expectObservable }) => {
      // Healed at 1 (full at 3); the gap at 5 is held until 101, and that heal times out at 201.
      const source = hot<LinkEvent>('-w-f-w', VALUES);
      expectObservable(source.pipe(heal)).toBe('-w-f-w 195ms #', VALUES, resyncTimeout());
    });
    expect(calls).toEqual([
      [1, 'ParticipantsNotify'],
      [101, 'ParticipantsNotify'],
    ]);
  });

  it('heals two types independently', () => {
    const scheduler = testScheduler();
    const { heal, calls } = healer(scheduler);
    const values = { ...VALUES, g: loss('VERSION_GAP', 'AttendeesNotify') };
    scheduler.run(({ hot, expectObservable }) => {
      // Participants healed at 5; attendees, asked for at 3, never come: the error is theirs, at 103.
      const source = hot<LinkEvent>('-w-g-f', values);
      expectObservable(source.pipe(heal)).toBe('-w-g-f 97ms #', values, resyncTimeout('AttendeesNotify'));
    });
    expect(calls).toEqual([
      [1, 'ParticipantsNotify'],
      [3, 'AttendeesNotify'],
    ]);
  });

  it('awaits nothing when resubscribe returns false', () => {
    const scheduler = testScheduler();
    const { heal, calls } = healer(scheduler, { answer: false });
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot<LinkEvent>('-w-w', VALUES).pipe(heal), '^ 300ms !').toBe('-w-w', VALUES);
    });
    // Nothing is under way after a refusal, so the second gap asks again.
    expect(calls).toEqual([
      [1, 'ParticipantsNotify'],
      [3, 'ParticipantsNotify'],
    ]);
  });

  it('with onGaps false, passes loss warnings on but does not heal', () => {
    const scheduler = testScheduler();
    const { heal, calls } = healer(scheduler, { onGaps: false });
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot<LinkEvent>('-w-i', VALUES).pipe(heal), '^ 300ms !').toBe('-w-i', VALUES);
    });
    expect(calls).toEqual([]);
  });

  it('heals at a value of requests$ too, also with onGaps false', () => {
    const scheduler = testScheduler();
    let calls: Array<[number, string]> = [];
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const requests$ = hot<string>('--r', { r: 'AttendeesNotify' });
      const made = healer(scheduler, { requests$, onGaps: false });
      calls = made.calls;
      expectObservable(hot<LinkEvent>('-s----', VALUES).pipe(made.heal)).toBe(
        '-s 100ms #',
        VALUES,
        resyncTimeout('AttendeesNotify'),
      );
      expectSubscriptions(requests$.subscriptions).toBe('^ 101ms !');
    });
    expect(calls).toEqual([[2, 'AttendeesNotify']]);
  });

  it('ends a heal asked for by requests$ at a full push of that type', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const requests$ = hot<string>('--r', { r: 'AttendeesNotify' });
      const { heal } = healer(scheduler, { requests$ });
      expectObservable(hot<LinkEvent>('-s 50ms a', VALUES).pipe(heal), '^ 300ms !').toBe('-s 50ms a', VALUES);
    });
  });

  it('cancels the deadline when unsubscribed: it never fires', () => {
    const scheduler = testScheduler();
    let fired = 0;
    /** The test scheduler, counting the scheduled actions that run. */
    const counting: SchedulerLike = {
      now: () => scheduler.now(),
      schedule: (work, delay, state) =>
        scheduler.schedule(
          function (this: unknown, s) {
            fired++;
            (work as (this: unknown, s: unknown) => void).call(this, s);
          },
          delay,
          state,
        ),
    };
    const { heal, calls } = healer(counting);
    scheduler.run(({ hot, expectObservable, expectSubscriptions }) => {
      const source = hot<LinkEvent>('-w----', VALUES);
      const requests$ = hot<string>('------');
      const withRequests = healGaps({
        requests$,
        resubscribe: () => true,
        onGaps: true,
        timeoutMs: TIMEOUT_MS,
        scheduler: counting,
      });
      expectObservable(source.pipe(heal), '^ 50ms !').toBe('-w', VALUES);
      expectObservable(source.pipe(withRequests), '^ 50ms !').toBe('-w', VALUES);
      expectSubscriptions(requests$.subscriptions).toBe('^ 50ms !');
    });
    expect(calls).toEqual([[1, 'ParticipantsNotify']]);
    expect(fired).toBe(0);
  });

  it("passes the socket's error and completion", () => {
    const scheduler = testScheduler();
    const { heal } = healer(scheduler);
    const closed = { code: 'WS_CLOSED', message: 'closed' };
    scheduler.run(({ hot, expectObservable }) => {
      expectObservable(hot<LinkEvent>('-f-#', VALUES, closed).pipe(heal)).toBe('-f-#', VALUES, closed);
      expectObservable(hot<LinkEvent>('-f-|', VALUES).pipe(heal)).toBe('-f-|', VALUES);
    });
  });
});
