/**
 * `decodeFrames` (src/meeting/decode-frames.ts): received frames in, decoded frames or
 * `DECODE_FAILED` warnings out, in marble time.
 */
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { decodeFrames, type ReceivedFrame } from '../../src/meeting/decode-frames.js';
import { type LinkEvent, linkWarning, PHASE } from '../../src/meeting/link-events.js';
import {
  confDynamicInfo,
  heartBeatReply,
  participantsFull,
  subscribeReply,
} from '../protocol/fixtures/protocol-examples.js';
import { decodeOk } from '../protocol/helpers.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const MAX = 1024 * 1024;
const message = (text: string): ReceivedFrame => ({ type: 'message', text });

describe('decodeFrames', () => {
  it('turns each message into its decoded server frame', () => {
    const participants = decodeOk(participantsFull);
    // The decoded frame, not the text: a sanity check that the fixture is what the test thinks.
    expect(participants).toMatchObject({ action: 'ParticipantsNotify', msgMode: 0, confID: '913570246' });
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ReceivedFrame | LinkEvent>('-p-s-h-d-|', {
        p: message(participantsFull),
        s: message(subscribeReply),
        h: message(heartBeatReply),
        d: message(confDynamicInfo),
      });
      expectObservable(source.pipe(decodeFrames(MAX))).toBe('-p-s-h-d-|', {
        p: participants,
        s: {
          action: 'Subscribe',
          sequence: '000000000000000001767258001234',
          returnCode: 0,
          returnDesc: 'SUCCESS',
        },
        h: { action: 'HeartBeat', sequence: '000000000000000001767258061234' },
        d: decodeOk(confDynamicInfo),
      });
    });
  });

  it('turns an undecodable message into a DECODE_FAILED warning, and goes on', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ReceivedFrame | LinkEvent>('-j-o-a-i-p', {
        j: message('{"action": "ParticipantsNotify", '),
        o: message('[1, 2]'),
        a: message('{"confID": "913570246"}'),
        i: message('{"action": "ParticipantsNotify", "confID": "913570246", "msgMode": 0, "data": 7}'),
        p: message(participantsFull),
      });
      const warning = (code: string) =>
        linkWarning({
          code: 'DECODE_FAILED',
          error: expect.objectContaining({ code }),
          message: expect.any(String),
        });
      expectObservable(source.pipe(decodeFrames(MAX))).toBe('-j-o-a-i-p', {
        j: warning('FRAME_INVALID_JSON'),
        o: warning('FRAME_NOT_OBJECT'),
        a: warning('FRAME_NO_ACTION'),
        i: warning('FRAME_INVALID'),
        p: decodeOk(participantsFull),
      });
    });
  });

  it("gives the warning the decode error's own message", () => {
    const values: Array<ReturnType<typeof linkWarning>> = [];
    testScheduler().run(({ cold }) => {
      cold<ReceivedFrame>('-j', { j: message('not json') })
        .pipe(decodeFrames(MAX))
        .subscribe((value) => values.push(value as ReturnType<typeof linkWarning>));
    });
    const [event] = values;
    expect(event?.kind).toBe('warning');
    const warning = event?.warning;
    if (warning?.code !== 'DECODE_FAILED') throw new Error('expected DECODE_FAILED');
    expect(warning.error.code).toBe('FRAME_INVALID_JSON');
    expect(warning.message).toBe(warning.error.message);
    expect(warning.message).not.toBe('');
  });

  it('turns an oversized frame into DECODE_FAILED FRAME_TOO_LARGE, with its size and the limit', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ReceivedFrame | LinkEvent>('-z-p', {
        z: { type: 'oversized', bytes: 2_000_000 },
        p: message(participantsFull),
      });
      const text = 'frame of 2000000 bytes exceeds maxFrameBytes 1048576';
      expectObservable(source.pipe(decodeFrames(MAX))).toBe('-z-p', {
        z: linkWarning({
          code: 'DECODE_FAILED',
          error: { code: 'FRAME_TOO_LARGE', path: '', message: text },
          message: text,
        }),
        p: decodeOk(participantsFull),
      });
    });
  });

  it('passes link events (phases, warnings, pushes) unchanged, the very same objects', () => {
    const push = decodeOk(participantsFull) as LinkEvent;
    const warning = linkWarning({
      code: 'CONF_ID_MISMATCH',
      action: 'ParticipantsNotify',
      confID: '1',
      expected: '2',
      message: 'x',
    });
    const seen: unknown[] = [];
    testScheduler().run(({ hot, expectObservable }) => {
      const values = { s: PHASE.subscribing, w: warning, p: push };
      const result = hot<ReceivedFrame | LinkEvent>('-s-w-p-|', values).pipe(decodeFrames(MAX));
      result.subscribe((value) => seen.push(value));
      expectObservable(result).toBe('-s-w-p-|', values);
    });
    expect(seen[0]).toBe(PHASE.subscribing);
    expect(seen[1]).toBe(warning);
    expect(seen[2]).toBe(push);
  });

  it("passes the socket's error", () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const closed = { code: 'WS_CLOSED', message: 'closed' };
      const source = hot<ReceivedFrame | LinkEvent>('-h-#', { h: message(heartBeatReply) }, closed);
      expectObservable(source.pipe(decodeFrames(MAX))).toBe(
        '-h-#',
        { h: { action: 'HeartBeat', sequence: '000000000000000001767258061234' } },
        closed,
      );
    });
  });
});
