import type { SchedulerLike } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { liveness, livenessError, livenessWatch } from '../../src/transport/liveness.js';
import { virtualClock } from '../meeting/virtual-clock.js';

type Frame = { action: string; sequence?: string };

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const echoOf = (f: Frame) => (f.action === 'HeartBeat' ? f.sequence : undefined);
const push: Frame = { action: 'ParticipantsNotify' };

describe('liveness', () => {
  it('passes frames through while they keep arriving', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      const frames = cold('p 5ms p 5ms p|', { p: push });
      const sent = hot<string>('-');
      expectObservable(frames.pipe(liveness({ sent$: sent, echoOf, silenceMs: 10, echoTimeoutMs: 5 }))).toBe(
        'p 5ms p 5ms p|',
        { p: push },
      );
    });
  });

  it('errors with LIVENESS_TIMEOUT (silence) when nothing arrives for silenceMs', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      const frames = cold('p 20ms p', { p: push });
      const sent = hot<string>('-');
      expectObservable(frames.pipe(liveness({ sent$: sent, echoOf, silenceMs: 10, echoTimeoutMs: 5 }))).toBe(
        'p 9ms #',
        { p: push },
        livenessError('silence', 10),
      );
    });
  });

  it('counts the silence from subscription when no frame ever arrives', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      const frames = cold<Frame>('-');
      const sent = hot<string>('-');
      expectObservable(frames.pipe(liveness({ sent$: sent, echoOf, silenceMs: 10, echoTimeoutMs: 5 }))).toBe(
        '10ms #',
        undefined,
        livenessError('silence', 10),
      );
    });
  });

  it('errors with LIVENESS_TIMEOUT (no-echo) when a heartbeat is not echoed in time, even if pushes flow', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const frames = hot('p-p-p-p-p-p-p-p', { p: push });
      const sent = hot('--s', { s: '001' });
      expectObservable(frames.pipe(liveness({ sent$: sent, echoOf, silenceMs: 10, echoTimeoutMs: 5 }))).toBe(
        'p-p-p-p#',
        { p: push },
        livenessError('no-echo', 5),
      );
    });
  });

  it('accepts the echo with the matching sequence and ignores others', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const e1: Frame = { action: 'HeartBeat', sequence: '001' };
      const other: Frame = { action: 'HeartBeat', sequence: '999' };
      const frames = hot('---o-e-----|', { o: other, e: e1 });
      const sent = hot('--s', { s: '001' });
      expectObservable(frames.pipe(liveness({ sent$: sent, echoOf, silenceMs: 10, echoTimeoutMs: 5 }))).toBe(
        '---o-e-----|',
        { o: other, e: e1 },
      );
    });
  });

  it('measures the silence from the last frame, not from the first deadline', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      // Frames at 0 and 8: the watch set for 10 finds a frame 2 ms old and sleeps until 18.
      const frames = cold('p 7ms p 30ms p', { p: push });
      const sent = hot<string>('-');
      expectObservable(frames.pipe(liveness({ sent$: sent, echoOf, silenceMs: 10, echoTimeoutMs: 5 }))).toBe(
        'p 7ms p 9ms #',
        { p: push },
        livenessError('silence', 10),
      );
    });
  });

  it('fails on the oldest unanswered heartbeat even when a later one was echoed', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const e2: Frame = { action: 'HeartBeat', sequence: '002' };
      const frames = hot('p-p-e---p-p', { p: push, e: e2 });
      const sent = hot('-a-b', { a: '001', b: '002' });
      expectObservable(frames.pipe(liveness({ sent$: sent, echoOf, silenceMs: 10, echoTimeoutMs: 5 }))).toBe(
        'p-p-e-#',
        { p: push, e: e2 },
        livenessError('no-echo', 5),
      );
    });
  });

  it('schedules no timer per frame: a thousand frames cost no more scheduling than one', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, hot }) => {
      let scheduled = 0;
      const counting: SchedulerLike = {
        now: () => scheduler.now(),
        schedule: (work, delay, state) => {
          scheduled++;
          return scheduler.schedule(work as never, delay, state);
        },
      };
      const frames = cold(`${'p '.repeat(1000)}|`, { p: push });
      const sent = hot<string>('-');
      let received = 0;
      frames
        .pipe(liveness({ sent$: sent, echoOf, silenceMs: 10, echoTimeoutMs: 5, scheduler: counting }))
        .subscribe(() => received++);
      scheduler.flush();
      expect(received).toBe(1000);
      // One watch armed at subscription; it re-arms itself, never through schedule() per frame.
      expect(scheduled).toBe(1);
    });
  });
});

describe('livenessWatch', () => {
  it('reports death once, for the first overdue echo, and stays quiet after that', () => {
    const { scheduler, advance } = virtualClock();
    const deaths: unknown[] = [];
    const watch = livenessWatch({
      silenceMs: 100,
      echoTimeoutMs: 10,
      scheduler,
      dead: (e) => deaths.push(e),
    });
    watch.sent('1');
    advance(5);
    watch.received(); // a push, not the echo: the echo is still due at 10
    watch.sent('2');
    advance(6);
    expect(deaths).toEqual([livenessError('no-echo', 10)]);
    advance(200);
    expect(deaths).toHaveLength(1);
  });

  it('is kept alive by echoes and frames, and does nothing once unsubscribed', () => {
    const { scheduler, advance } = virtualClock();
    const deaths: unknown[] = [];
    const watch = livenessWatch({ silenceMs: 20, echoTimeoutMs: 10, scheduler, dead: (e) => deaths.push(e) });
    for (let i = 0; i < 5; i++) {
      watch.sent(String(i));
      advance(8);
      watch.received(String(i));
      advance(8);
    }
    expect(deaths).toEqual([]);
    watch.unsubscribe();
    advance(1_000);
    expect(deaths).toEqual([]);
  });

  it('counts silence from its start when nothing arrives', () => {
    const { scheduler, advance } = virtualClock();
    const deaths: unknown[] = [];
    livenessWatch({ silenceMs: 20, echoTimeoutMs: 10, scheduler, dead: (e) => deaths.push(e) });
    advance(19);
    expect(deaths).toEqual([]);
    advance(1);
    expect(deaths).toEqual([livenessError('silence', 20)]);
  });
});

describe('livenessError', () => {
  it('says which deadline passed, as a typed LIVENESS_TIMEOUT', () => {
    expect(livenessError('silence', 120_000)).toEqual({
      code: 'LIVENESS_TIMEOUT',
      kind: 'silence',
      afterMs: 120_000,
      message: 'link considered dead: no frame received within 120000 ms',
    });
    expect(livenessError('no-echo', 30_000)).toEqual({
      code: 'LIVENESS_TIMEOUT',
      kind: 'no-echo',
      afterMs: 30_000,
      message: 'link considered dead: no heartbeat echo received within 30000 ms',
    });
  });
});

describe('liveness: errors and completion', () => {
  const options = (scheduler: SchedulerLike, sent$: import('rxjs').Observable<string>) => ({
    sent$,
    echoOf,
    silenceMs: 100,
    echoTimeoutMs: 50,
    scheduler,
  });

  it('fails with the error of the heartbeat stream it is told of', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, hot, expectObservable }) => {
      const frames = hot<Frame>('-p---p-', { p: push });
      const sent = cold<string>('---#', {}, new Error('heartbeat failed'));
      expectObservable(frames.pipe(liveness(options(scheduler, sent)))).toBe(
        '-p-#',
        { p: push },
        new Error('heartbeat failed'),
      );
    });
  });

  it('passes the frames’ error and completion through, and stops watching then', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const sent = cold<string>('-');
      const failing = hot<Frame>('-p-#', { p: push }, new Error('closed'));
      expectObservable(failing.pipe(liveness(options(scheduler, sent)))).toBe(
        '-p-#',
        { p: push },
        new Error('closed'),
      );
      const ending = hot<Frame>('-p-|', { p: push });
      // Completion at 3 ms: no LIVENESS_TIMEOUT later, though nothing arrives for 100 ms after.
      expectObservable(ending.pipe(liveness(options(scheduler, sent)))).toBe('-p-|', { p: push });
      expectSubscriptions(sent.subscriptions).toBe(['^--!', '^--!']);
    });
  });
});
