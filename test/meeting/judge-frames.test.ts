/**
 * `judgeFrames` (src/meeting/judge-frames.ts): one socket's decoded frames judged into link events
 * (PROTOCOL.md §6, §8, Appendix B), in marble time.
 */
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { judgeFrames } from '../../src/meeting/judge-frames.js';
import { type LinkEvent, linkWarning, PHASE } from '../../src/meeting/link-events.js';
import type { ServerFrame } from '../../src/protocol/messages.js';
import {
  confControlReply,
  confDynamicInfo,
  heartBeatReply,
  netCondition,
  participantsFull,
  participantsIncremental,
  subscribeReply,
} from '../protocol/fixtures/protocol-examples.js';
import { as, decodeOk } from '../protocol/helpers.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const CONF = '913570246';

const heartBeat = decodeOk(heartBeatReply);
const confControl = decodeOk(confControlReply);
const subscribed = decodeOk(subscribeReply);
const refused: ServerFrame = { action: 'Subscribe', returnCode: 4003, returnDesc: 'TOKEN_INVALID' };
const full = as(decodeOk(participantsFull), 'ParticipantsNotify');
const increment = as(decodeOk(participantsIncremental), 'ParticipantsNotify');
/** An incremental ParticipantsNotify with `version`. */
const participantsAt = (version: number) => ({ ...increment, version, msgID: `p${version}` });
/** An incremental NetConditionNotify with `version`. */
const netAt = (version: number) => ({ ...as(decodeOk(netCondition), 'NetConditionNotify'), version });
const dynamic = as(decodeOk(confDynamicInfo), 'ConfDynamicInfoNotify');
const destroyed = { ...dynamic, data: { ...dynamic.data, state: 'Destroyed' } };
const unknown = decodeOk('{"action":"CustomMultiPicNotify","confID":"913570246","msgMode":0,"version":1}');

const ENDED = {
  code: 'MEETING_ENDED',
  via: 'destroyed',
  message: 'the meeting ended (ConfDynamicInfoNotify state Destroyed)',
};
const CLOSED = { code: 'WS_CLOSED', message: 'closed' };

/** The version warning the guard (src/state/version-check.ts) gives. */
function versionWarning(
  code: 'DUPLICATE_VERSION' | 'STALE_VERSION' | 'VERSION_GAP',
  version: number,
  last: number,
) {
  return linkWarning({
    code,
    action: 'ParticipantsNotify',
    version,
    lastVersion: last,
    message: expect.stringContaining(`ParticipantsNotify`),
  });
}

describe('judgeFrames', () => {
  it('consumes HeartBeat echoes and ConfControl replies', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-h-c-h-|', { h: heartBeat, c: confControl });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-------|');
    });
  });

  it('makes the link live at a Subscribe reply with returnCode 0, once', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-s-s-p-|', { s: subscribed, p: full });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-l---p-|', { l: PHASE.live, p: full });
    });
  });

  it('turns a refused Subscribe into a SUBSCRIBE_FAILED warning, then the same error, and lets go of the socket', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ServerFrame | LinkEvent>('-r-p-', { r: refused, p: full });
      const detail = {
        returnCode: 4003,
        returnDesc: 'TOKEN_INVALID',
        message: 'Subscribe refused: returnCode 4003 TOKEN_INVALID',
      };
      expectObservable(source.pipe(judgeFrames(CONF))).toBe(
        '-(w#)',
        { w: linkWarning({ code: 'SUBSCRIBE_FAILED', ...detail }) },
        { code: 'SUBSCRIBE_FAILED', ...detail },
      );
      expectSubscriptions(source.subscriptions).toBe('^!');
    });
  });

  it('leaves returnDesc out of a refusal that has none', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-r', { r: { action: 'Subscribe', returnCode: 1 } });
      const detail = { returnCode: 1, message: 'Subscribe refused: returnCode 1' };
      expectObservable(source.pipe(judgeFrames(CONF))).toBe(
        '-(w#)',
        { w: linkWarning({ code: 'SUBSCRIBE_FAILED', ...detail }) },
        { code: 'SUBSCRIBE_FAILED', ...detail },
      );
    });
  });

  it('makes the link live at the first accepted push, then delivers it; later pushes just pass', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-f---i-s-', {
        f: full,
        i: participantsAt(4),
        s: subscribed,
      });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-(lf)i--', {
        l: PHASE.live,
        f: full,
        i: participantsAt(4),
      });
    });
  });

  it('makes the link live at an unknown push too, and delivers it as is', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-u---u', { u: unknown });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-(lu)u', { l: PHASE.live, u: unknown });
    });
  });

  it('drops a push for another conference with CONF_ID_MISMATCH, and does not go live on it', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const other = { ...full, confID: '111111111' };
      const source = hot<ServerFrame | LinkEvent>('-o-f', { o: other, f: full });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-w-(lf)', {
        w: linkWarning({
          code: 'CONF_ID_MISMATCH',
          action: 'ParticipantsNotify',
          confID: '111111111',
          expected: CONF,
          message: `ParticipantsNotify for conference 111111111, expected ${CONF}; dropped`,
        }),
        l: PHASE.live,
        f: full,
      });
    });
  });

  it('accepts a push without a confID (the server left it out)', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const anonymous = { ...full, confID: '' };
      const source = hot<ServerFrame | LinkEvent>('-a', { a: anonymous });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-(la)', { l: PHASE.live, a: anonymous });
    });
  });

  it('drops a duplicate and a stale incremental version, each with its warning', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-a---b-d-s-c', {
        a: participantsAt(3),
        b: participantsAt(4),
        d: participantsAt(4),
        s: participantsAt(2),
        c: participantsAt(5),
      });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-(la)b-d-s-c', {
        l: PHASE.live,
        a: participantsAt(3),
        b: participantsAt(4),
        d: versionWarning('DUPLICATE_VERSION', 4, 4),
        s: versionWarning('STALE_VERSION', 2, 4),
        c: participantsAt(5),
      });
    });
  });

  it('delivers a push after a version gap, with a VERSION_GAP warning before it', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-a---g', { a: participantsAt(3), g: participantsAt(7) });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-(la)(wg)', {
        l: PHASE.live,
        a: participantsAt(3),
        w: versionWarning('VERSION_GAP', 7, 3),
        g: participantsAt(7),
      });
    });
  });

  it('keeps versions per push type', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-a---n-b', {
        a: participantsAt(3),
        n: netAt(1),
        b: participantsAt(4),
      });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-(la)n-b', {
        l: PHASE.live,
        a: participantsAt(3),
        n: netAt(1),
        b: participantsAt(4),
      });
    });
  });

  it('restarts the version sequence at a full message (§6.0)', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-a---f-b', {
        a: participantsAt(9),
        f: full,
        b: participantsAt(1),
      });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-(la)f-b', {
        l: PHASE.live,
        a: participantsAt(9),
        f: full,
        b: participantsAt(1),
      });
    });
  });

  it('delivers a Destroyed status push, then fails with MEETING_ENDED', () => {
    testScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ServerFrame | LinkEvent>('-c---d-p', { c: dynamic, d: destroyed, p: full });
      expectObservable(source.pipe(judgeFrames(CONF))).toBe(
        '-(lc)(d#)',
        { l: PHASE.live, c: dynamic, d: destroyed },
        ENDED,
      );
      expectSubscriptions(source.subscriptions).toBe('^----!');
    });
  });

  it('passes signals already in the stream unchanged', () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const values = {
        o: PHASE.opening,
        s: PHASE.subscribing,
        w: linkWarning({
          code: 'DECODE_FAILED',
          error: { code: 'FRAME_INVALID_JSON', path: '', message: 'x' },
          message: 'x',
        }),
      };
      expectObservable(hot<ServerFrame | LinkEvent>('-o-s-w-|', values).pipe(judgeFrames(CONF))).toBe(
        '-o-s-w-|',
        values,
      );
    });
  });

  it("passes the socket's error", () => {
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ServerFrame | LinkEvent>('-f---#', { f: full }, CLOSED);
      expectObservable(source.pipe(judgeFrames(CONF))).toBe('-(lf)#', { l: PHASE.live, f: full }, CLOSED);
    });
  });

  it('gives each subscription its own version guard and its own live signal', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      // One socket's frames, judged twice: the second socket's versions must not be compared
      // with the first's (the server numbers them per socket, §9.5).
      const socketFrames = cold<ServerFrame | LinkEvent>('-a---b|', {
        a: participantsAt(3),
        b: participantsAt(4),
      });
      const judged = socketFrames.pipe(judgeFrames(CONF));
      const expected = { l: PHASE.live, a: participantsAt(3), b: participantsAt(4) };
      expectObservable(judged).toBe('-(la)b|', expected);
      expectObservable(judged, '----------^').toBe('-----------(la)b|', expected);
    });
  });
});
