import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { liveness, livenessError } from '../../src/transport/liveness.js';

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
});
