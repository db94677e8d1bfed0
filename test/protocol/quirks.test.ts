/**
 * The liberal rules of Appendix B and §9, with invented frames: each quirk decodes to the clean
 * shape, and the fast path and the full decode agree on it.
 */
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeControlTokenResponse, decodeWebSocketTokenResponse } from '../../src/protocol/rest.js';
import { as, bothPaths, decodeErr, decodeOk } from './helpers.js';

const env = (action: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    action,
    version: 7,
    createTime: 1700000000000,
    msgID: 'ab12',
    msgMode: 1,
    confID: '555000111',
    ...extra,
  });

function agree(text: string): void {
  const { normal, shared, full } = bothPaths(text);
  expect(normal).toEqual(full);
  expect(shared).toEqual(full);
}

describe('numbers and strings', () => {
  it('accepts numeric strings for envelope numbers and item modes', () => {
    const text = JSON.stringify({
      action: 'ParticipantsNotify',
      version: '42',
      createTime: ' 1700000000123 ',
      msgID: 'x',
      msgMode: '1',
      confID: 555000111,
      data: [{ pid: 9001, mode: '0', pinfoMap: { MUTE: 1, HAND: true, NAME: 'Ada' } }],
    });
    const f = as(decodeOk(text), 'ParticipantsNotify');
    expect(f).toMatchObject({ version: 42, createTime: 1700000000123, msgMode: 1, confID: '555000111' });
    expect(f.data).toEqual([{ pid: '9001', mode: 0, pinfoMap: { MUTE: '1', HAND: 'true', NAME: 'Ada' } }]);
    agree(text);
  });

  it('turns ConfDynamicInfo picNum and endTime strings into numbers', () => {
    const text = env('ConfDynamicInfoNotify', { picNum: '9', endTime: '1700003600000', lock: '1' });
    const f = as(decodeOk(text), 'ConfDynamicInfoNotify');
    expect(f.data).toMatchObject({ picNum: 9, endTime: 1700003600000, lock: 1 });
    agree(text);
  });

  it('turns NetCondition metric strings (decimals too) into numbers and a string bandwidth as well', () => {
    const text = env('NetConditionNotify', {
      data: [
        {
          participantID: 'p1',
          mode: 0,
          lostPacketRate: '0.25',
          delay: '130',
          bandwidth: '2048',
          outJitter: 4,
        },
      ],
    });
    const f = as(decodeOk(text), 'NetConditionNotify');
    expect(f.data[0]).toEqual({
      participantID: 'p1',
      mode: 0,
      lostPacketRate: 0.25,
      delay: 130,
      bandwidth: 2048,
      outJitter: 4,
    });
    agree(text);
  });

  it('reads subtitle version/createTime strings and boolean-ish isFinal', () => {
    const text = env('RealTimeSubtitleNotify', {
      version: '1700000000999',
      createTime: '1700000000999',
      data: { msgs: [{ subtitleLang: 'Mandarin', translateText: 'hello', id: 'm-1' }], isFinal: 'false' },
    });
    const f = as(decodeOk(text), 'RealTimeSubtitleNotify');
    expect(f).toMatchObject({ version: 1700000000999, createTime: 1700000000999 });
    expect(f.data).toEqual({
      msgs: [{ subtitleLang: 'Mandarin', translateText: 'hello', id: 'm-1' }],
      isFinal: false,
    });
    agree(text);
  });

  it('turns numeric callNumber and resultCode into strings', () => {
    const text = env('InviteResultNotify', { data: [{ callNumber: 4401, resultCode: 0 }] });
    expect(as(decodeOk(text), 'InviteResultNotify').data).toEqual([{ callNumber: '4401', resultCode: '0' }]);
  });
});

describe('keys with stray white space (§9.22, §6.1)', () => {
  it('trims subtitle keys "msgs ", "id ", "isFinal ", "timestamp "', () => {
    const text = env('RealTimeSubtitleNotify', {
      data: {
        'msgs ': [{ 'id ': 'u-77', subtitleLang: 'Original', translateText: 'ok' }],
        'isFinal ': true,
        'timestamp ': 1700000000500,
      },
    });
    const f = as(decodeOk(text), 'RealTimeSubtitleNotify');
    expect(f.data).toEqual({
      msgs: [{ id: 'u-77', subtitleLang: 'Original', translateText: 'ok' }],
      isFinal: true,
      timestamp: 1700000000500,
    });
    agree(text);
  });

  it('prefers the exact key over a padded one', () => {
    const text = env('ParticipantsNotify', { data: [{ pid: 'exact', 'pid ': 'padded', mode: 0 }] });
    expect(as(decodeOk(text), 'ParticipantsNotify').data[0]?.pid).toBe('exact');
    agree(text);
  });

  it('trims padded pinfoMap keys and padded unknown keys that are kept', () => {
    const text = env('AttendeesNotify', { data: [{ mode: 0, 'name ': 'Bo', 'floor ': 3 }] });
    expect(as(decodeOk(text), 'AttendeesNotify').data).toEqual([{ mode: 0, name: 'Bo', floor: 3 }]);
    const p = env('WaitingListNotify', {
      data: [{ pid: 'w1', mode: 0, pinfoMap: { ' NAME ': 'Cy', WAITINGSTATE: '0' } }],
    });
    expect(as(decodeOk(p), 'WaitingListNotify').data[0]?.pinfoMap).toEqual({ NAME: 'Cy', WAITINGSTATE: '0' });
    agree(p);
  });

  it('reads a Subscribe reply with the corrected key, or as JSON text', () => {
    const plain = JSON.stringify({
      action: 'Subscribe',
      sequence: '1',
      data: { returnCode: 111070004, returnDesc: 'AUTH_FAILED' },
    });
    expect(decodeOk(plain)).toEqual({
      action: 'Subscribe',
      sequence: '1',
      returnCode: 111070004,
      returnDesc: 'AUTH_FAILED',
    });
    const asText = JSON.stringify({
      action: 'Subscribe',
      data: JSON.stringify({ returnCode: '0', 'returnDesc ': 'SUCCESS' }),
    });
    expect(decodeOk(asText)).toEqual({ action: 'Subscribe', returnCode: 0, returnDesc: 'SUCCESS' });
  });
});

describe('alternate spellings (§9.15, §9.18, §9.19, §9.20)', () => {
  it('renames CLICENT_LOGIN_TYPE, and keeps CLIENT_LOGIN_TYPE when both are sent', () => {
    const one = env('ParticipantsNotify', {
      data: [{ pid: 'a', mode: 0, pinfoMap: { CLICENT_LOGIN_TYPE: 'Pad' } }],
    });
    expect(as(decodeOk(one), 'ParticipantsNotify').data[0]?.pinfoMap).toEqual({ CLIENT_LOGIN_TYPE: 'Pad' });
    const both = env('ParticipantsNotify', {
      data: [{ pid: 'a', mode: 0, pinfoMap: { CLICENT_LOGIN_TYPE: 'Pad', CLIENT_LOGIN_TYPE: 'Desktop' } }],
    });
    expect(as(decodeOk(both), 'ParticipantsNotify').data[0]?.pinfoMap).toEqual({
      CLIENT_LOGIN_TYPE: 'Desktop',
    });
    agree(both);
  });

  it('reads errorCode as resultCode', () => {
    const text = env('InviteResultNotify', { data: [{ callNumber: '+100', errorCode: '11076010' }] });
    expect(as(decodeOk(text), 'InviteResultNotify').data).toEqual([
      { callNumber: '+100', resultCode: '11076010' },
    ]);
    agree(text);
  });

  it('reads InterpreterGroup from data with groupId; neither key gives []', () => {
    const text = env('InterpreterGroupNotify', {
      data: [{ groupId: 'g-1', firstLanguage: 'en', secondLanguage: 'de', groupType: 'AI' }],
    });
    expect(as(decodeOk(text), 'InterpreterGroupNotify').data).toEqual([
      { groupID: 'g-1', firstLanguage: 'en', secondLanguage: 'de', groupType: 'AI', interpreters: [] },
    ]);
    agree(text);
    expect(as(decodeOk(env('InterpreterGroupNotify')), 'InterpreterGroupNotify').data).toEqual([]);
  });

  it('reads orgId as orgID and does not keep the alternate spelling', () => {
    const text = env('AttendeesNotify', { data: [{ mode: 0, userUUID: 'u', orgId: '90001' }] });
    expect(as(decodeOk(text), 'AttendeesNotify').data).toEqual([{ mode: 0, userUUID: 'u', orgID: '90001' }]);
    agree(text);
  });
});

describe('missing, null and unknown fields', () => {
  it('fills msgID with "" when absent and treats null optional fields as absent', () => {
    const text = JSON.stringify({
      action: 'WaitingListNotify',
      version: 1,
      createTime: 2,
      msgMode: 0,
      confID: 'c',
      data: [{ pid: 'w', mode: 1, delType: null, pinfoMap: null }],
    });
    const f = as(decodeOk(text), 'WaitingListNotify');
    expect(f.msgID).toBe('');
    expect(f.data).toEqual([{ pid: 'w', mode: 1, pinfoMap: {} }]);
    agree(text);
  });

  it('keeps unknown keys where the contract has an index signature', () => {
    const text = env('ConfBasicInfoNotify', { title: 'Retro', futureFlag: { nested: [1, 2] }, aiRecType: 0 });
    const f = as(decodeOk(text), 'ConfBasicInfoNotify');
    expect(f.data).toEqual({ title: 'Retro', futureFlag: { nested: [1, 2] }, aiRecType: 0 });
    agree(text);
  });

  it('drops unknown keys where the contract has none (speaker, invite result, participant items)', () => {
    const text = env('SpeakerChangeNotify', { data: [{ pid: 's', speakingVolume: 5, extra: 1 }] });
    expect(as(decodeOk(text), 'SpeakerChangeNotify').data).toEqual([{ pid: 's', speakingVolume: 5 }]);
    agree(text);
  });

  it('sorts speakers loudest first, without a volume last, and does not reorder the input', () => {
    const text = env('SpeakerChangeNotify', {
      data: [{ pid: 'quiet', speakingVolume: 3 }, { pid: 'none' }, { pid: 'loud', speakingVolume: '80' }],
    });
    expect(as(decodeOk(text), 'SpeakerChangeNotify').data.map((s) => s.pid)).toEqual([
      'loud',
      'quiet',
      'none',
    ]);
    agree(text);
  });
});

describe('msgMode (Appendix B)', () => {
  it.each([2, -1, '2', 'full', true])('msgMode %j is a FRAME_INVALID Left at msgMode', (msgMode) => {
    const e = decodeErr(env('SpeakerChangeNotify', { msgMode }));
    expect(e).toMatchObject({ code: 'FRAME_INVALID', action: 'SpeakerChangeNotify', path: 'msgMode' });
  });

  it('a missing msgMode is a Left too', () => {
    const text = JSON.stringify({
      action: 'AttendeesNotify',
      version: 1,
      createTime: 1,
      confID: 'c',
      data: [],
    });
    expect(decodeErr(text)).toMatchObject({ code: 'FRAME_INVALID', path: 'msgMode' });
  });
});

describe('REST quirks', () => {
  it('accepts the WeLink wsToken shape and refuses a non-zero returnCode', () => {
    const ok = decodeWebSocketTokenResponse({ returnCode: 0, data: { webSocketToken: 'cnr-welink-1' } });
    if (!isRight(ok)) throw new Error(ok.left.message);
    expect(ok.right.webSocketToken.reveal()).toBe('cnr-welink-1');
    expect(decodeWebSocketTokenResponse({ returnCode: 7, data: { webSocketToken: 'x' } })).toMatchObject({
      _tag: 'Left',
      left: { code: 'REST_BAD_BODY', path: 'returnCode' },
    });
    expect(decodeWebSocketTokenResponse({ returnCode: 0, data: {} })).toMatchObject({
      left: { code: 'REST_BAD_BODY', path: 'data.webSocketToken' },
    });
  });

  it('strips trailing slashes from wsURL and reads expireTime sent as a string', () => {
    const r = decodeControlTokenResponse({
      data: { token: 't-1', wsURL: 'wss://h.example:8443//', expireTime: '1700001800000' },
    });
    if (!isRight(r)) throw new Error(r.left.message);
    expect(r.right).toMatchObject({ wsURL: 'wss://h.example:8443', expireTime: 1700001800000 });
    expect(r.right.token.reveal()).toBe('t-1');
  });

  it('reports a missing token by path, without values', () => {
    const r = decodeControlTokenResponse({
      data: { wsURL: 'wss://h', expireTime: 1, tmpWsToken: 'cnr-secret-xyz' },
    });
    expect(r).toMatchObject({ _tag: 'Left', left: { code: 'REST_BAD_BODY', path: 'data.token' } });
    expect(JSON.stringify(r)).not.toContain('cnr-secret-xyz');
  });
});
