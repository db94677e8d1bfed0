import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import type { Push } from '../../src/meeting/frame-handler.js';
import { healGaps$ } from '../../src/meeting/gap-healer.js';

const envelope = { version: 1, createTime: 1, msgID: '', confID: '913570246' };
const fullRoster = { action: 'ParticipantsNotify', msgMode: 0, data: [], ...envelope } as unknown as Push;
const deltaRoster = { action: 'ParticipantsNotify', msgMode: 1, data: [], ...envelope } as unknown as Push;
const fullWaiting = { action: 'WaitingListNotify', msgMode: 0, data: [], ...envelope } as unknown as Push;

const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const resyncTimeout = (action: string) => ({
  code: 'RESYNC_TIMEOUT',
  action,
  afterMs: 5,
  message: `no full ${action} within 5 ms of asking for one; reconnecting`,
});

describe('healGaps$ (virtual time)', () => {
  it('resubscribes and is satisfied by a full message of that type within the timeout', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable, flush }) => {
      const resubscribed: string[] = [];
      const requests$ = hot('-r------', { r: 'ParticipantsNotify' });
      const pushes$ = hot('---d-f--', { d: deltaRoster, f: fullRoster });
      const healing$ = healGaps$({
        requests$,
        pushes$,
        resubscribe: (action) => resubscribed.push(action) > 0,
        timeoutMs: 5,
        scheduler,
      });
      expectObservable(healing$, '^ 20ms !').toBe('');
      flush();
      expect(resubscribed).toEqual(['ParticipantsNotify']);
    });
  });

  it('fails with RESYNC_TIMEOUT when no full message of that type comes in time', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const requests$ = hot('-r------', { r: 'ParticipantsNotify' });
      // A full message of another type does not count; a delta does not either.
      const pushes$ = hot('--w-d------f', { w: fullWaiting, d: deltaRoster, f: fullRoster });
      const healing$ = healGaps$({
        requests$,
        pushes$,
        resubscribe: () => true,
        timeoutMs: 5,
        scheduler,
      });
      expectObservable(healing$).toBe('------#', undefined, resyncTimeout('ParticipantsNotify'));
    });
  });

  it('ignores further requests for a type while its heal is under way (one Subscribe per heal)', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable, flush }) => {
      let resubscribes = 0;
      const requests$ = hot('-rrr------r', { r: 'ParticipantsNotify' });
      const pushes$ = hot('-----f-------f', { f: fullRoster });
      const healing$ = healGaps$({
        requests$,
        pushes$,
        resubscribe: () => ++resubscribes > 0,
        timeoutMs: 10,
        scheduler,
      });
      expectObservable(healing$, '^ 30ms !').toBe('');
      flush();
      expect(resubscribes).toBe(2);
    });
  });

  it('waits for nothing when a Subscribe cannot bring the type', () => {
    const scheduler = testScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const requests$ = hot('-r', { r: 'ParticipantsNotify' });
      const pushes$ = hot<Push>('---');
      const healing$ = healGaps$({ requests$, pushes$, resubscribe: () => false, timeoutMs: 5, scheduler });
      expectObservable(healing$, '^ 20ms !').toBe('');
    });
  });
});
