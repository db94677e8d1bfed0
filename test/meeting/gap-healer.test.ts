import { VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { MeetingError } from '../../src/errors.js';
import type { Push } from '../../src/meeting/frame-handler.js';
import { type GapHealerOptions, gapHealer } from '../../src/meeting/gap-healer.js';

const envelope = { version: 1, createTime: 1, msgID: '', confID: '913570246' };
const fullRoster = { action: 'ParticipantsNotify', msgMode: 0, data: [], ...envelope } as unknown as Push;
const fullWaiting = { action: 'WaitingListNotify', msgMode: 0, data: [], ...envelope } as unknown as Push;

/** A healer on a virtual clock that records resubscribes and failures; `at(ms, f)` runs `f` then. */
function setup(options: Partial<GapHealerOptions> = {}) {
  const scheduler = new VirtualTimeScheduler();
  const resubscribed: string[] = [];
  const failures: { at: number; error: MeetingError }[] = [];
  const healer = gapHealer({
    resubscribe: (action) => resubscribed.push(action) > 0,
    timeoutMs: 5,
    scheduler,
    fail: (error) => failures.push({ at: scheduler.now(), error }),
    ...options,
  });
  const at = (ms: number, f: () => void) => scheduler.schedule(f, ms);
  return { scheduler, healer, resubscribed, failures, at, run: () => scheduler.flush() };
}

describe('gapHealer (virtual time)', () => {
  it('resubscribes and is satisfied by a full message of that type within the timeout', () => {
    const { healer, resubscribed, failures, at, run } = setup();
    at(1, () => healer.request('ParticipantsNotify'));
    at(5, () => healer.full(fullRoster));
    run();
    expect(resubscribed).toEqual(['ParticipantsNotify']);
    expect(failures).toEqual([]);
  });

  it('fails with RESYNC_TIMEOUT when no full message of that type comes in time', () => {
    const { healer, failures, at, run } = setup();
    at(1, () => healer.request('ParticipantsNotify'));
    // A full message of another type does not count; one that comes too late does not either.
    at(2, () => healer.full(fullWaiting));
    at(11, () => healer.full(fullRoster));
    run();
    expect(failures).toEqual([
      {
        at: 6,
        error: {
          code: 'RESYNC_TIMEOUT',
          action: 'ParticipantsNotify',
          afterMs: 5,
          message: 'no full ParticipantsNotify within 5 ms of asking for one; reconnecting',
        },
      },
    ]);
  });

  it('ignores further requests for a type while its heal is under way (one Subscribe per heal)', () => {
    const { healer, resubscribed, failures, at, run } = setup({ timeoutMs: 10 });
    for (const t of [1, 2, 3]) at(t, () => healer.request('ParticipantsNotify'));
    at(5, () => healer.full(fullRoster));
    at(10, () => healer.request('ParticipantsNotify'));
    at(13, () => healer.full(fullRoster));
    run();
    expect(resubscribed).toEqual(['ParticipantsNotify', 'ParticipantsNotify']);
    expect(failures).toEqual([]);
  });

  it('waits for nothing when a Subscribe cannot bring the type', () => {
    const { healer, failures, at, run } = setup({ resubscribe: () => false });
    at(1, () => healer.request('ParticipantsNotify'));
    run();
    expect(failures).toEqual([]);
  });

  it('cancels every wait when unsubscribed (the socket ended)', () => {
    const { healer, failures, at, run } = setup();
    at(1, () => healer.request('ParticipantsNotify'));
    at(1, () => healer.request('WaitingListNotify'));
    at(3, () => healer.unsubscribe());
    run();
    expect(failures).toEqual([]);
  });
});
