/**
 * The key rules of each codec, as the contract types in messages.ts state them: which objects keep
 * unknown keys (those with an index signature) and which drop them, and which spelling wins where a
 * frame sends two (§6.1, §5.3). Each case goes through `decodeServerFrame` and `decodeServerMessage`.
 */
import { describe, expect, it } from 'vitest';
import { decodeServerMessage } from '../../src/protocol/decode-server-frame.js';
import { decodeOk } from './helpers.js';

const envelope = { version: 1, createTime: 1, msgID: 'm', msgMode: 0, confID: 'c' };
const EXTRA = { extra: 1, 'padded ': 2 };

/** The decoded frame, the same from text and from a parsed value. */
function decode(frame: Record<string, unknown>): unknown {
  const text = JSON.stringify(frame);
  const decoded = decodeOk(text);
  expect(decodeServerMessage(JSON.parse(text))).toEqual({ _tag: 'Right', right: decoded });
  return decoded;
}

describe('unknown keys', () => {
  it.each([
    ['AttendeesNotify', { mode: 0 }],
    ['NetConditionNotify', { participantID: 'p', mode: 0 }],
  ])('%s items keep them (trimmed)', (action, item) => {
    expect(decode({ action, ...envelope, data: [{ ...item, ...EXTRA }] })).toMatchObject({
      data: [{ ...item, extra: 1, padded: 2 }],
    });
  });

  it.each([
    ['ParticipantsNotify', { pid: 'p', mode: 0 }, { pid: 'p', mode: 0, pinfoMap: {} }],
    ['WaitingListNotify', { pid: 'p', mode: 1 }, { pid: 'p', mode: 1, pinfoMap: {} }],
    ['InviteResultNotify', { callNumber: '1', resultCode: '0' }, { callNumber: '1', resultCode: '0' }],
    ['SpeakerChangeNotify', { pid: 'p' }, { pid: 'p' }],
  ])('%s items drop them', (action, item, expected) => {
    const decoded = decode({ action, ...envelope, extraTop: 1, data: [{ ...item, ...EXTRA }] });
    expect(decoded).toEqual({ action, ...envelope, data: [expected] });
  });

  it('interpreter groups and interpreters keep them; subtitle data and its messages drop them', () => {
    const groups = decode({
      action: 'InterpreterGroupNotify',
      ...envelope,
      interpreterGroups: [
        {
          groupID: 'g',
          firstLanguage: 'en',
          secondLanguage: 'fr',
          interpreters: [{ name: 'A', ...EXTRA }],
          ...EXTRA,
        },
      ],
    });
    expect(groups).toMatchObject({
      data: [{ extra: 1, padded: 2, interpreters: [{ name: 'A', extra: 1, padded: 2 }] }],
    });
    const subtitle = decode({
      action: 'RealTimeSubtitleNotify',
      ...envelope,
      data: { msgs: [{ id: 'x', ...EXTRA }], isFinal: true, ...EXTRA },
    });
    expect(subtitle).toMatchObject({ data: { msgs: [{ id: 'x' }], isFinal: true } });
    expect(subtitle).not.toMatchObject({ data: { extra: 1 } });
    expect(JSON.stringify(subtitle)).not.toContain('extra');
  });

  it('top-level payloads keep them, a stray `data` key among them, and read fields from the top', () => {
    const decoded = decode({
      action: 'ConfDynamicInfoNotify',
      ...envelope,
      lock: '1',
      data: { lock: 0 },
      multiPic: { picInfos: [{ index: 1, id: [], ...EXTRA }], ...EXTRA },
      ...EXTRA,
    });
    expect(decoded).toEqual({
      action: 'ConfDynamicInfoNotify',
      ...envelope,
      data: {
        lock: 1,
        data: { lock: 0 },
        multiPic: { picInfos: [{ index: 1, id: [], extra: 1, padded: 2 }], extra: 1, padded: 2 },
        extra: 1,
        padded: 2,
      },
    });
    const basic = decode({ action: 'ConfBasicInfoNotify', ...envelope, pwds: [{ pwd: 'x', ...EXTRA }] }) as {
      data: { pwds: object[] };
    };
    expect(basic.data.pwds.map((p) => Object.keys(p).sort())).toEqual([['pwd', 'role']]);
  });
});

describe('two spellings of one field', () => {
  it('§6.1 Subscribe reply: the documented "returnDesc " wins over "returnDesc"', () => {
    const text = JSON.stringify({
      action: 'Subscribe',
      data: { returnCode: 0, returnDesc: 'corrected', 'returnDesc ': 'documented' },
    });
    expect(decodeOk(text)).toEqual({ action: 'Subscribe', returnCode: 0, returnDesc: 'documented' });
  });

  it('§5.3 ConfControl reply: "returnDesc" wins over "returnDesc "', () => {
    const text = JSON.stringify({
      action: 'ConfControl',
      data: { returnCode: 0, returnDesc: 'simulator', 'returnDesc ': 'padded' },
    });
    expect(decodeOk(text)).toEqual({ action: 'ConfControl', returnCode: 0, returnDesc: 'simulator' });
  });

  it('§9.18/§9.19/§9.20: the example spelling wins over the table one', () => {
    expect(
      decode({
        action: 'InviteResultNotify',
        ...envelope,
        data: [{ callNumber: '1', errorCode: 'e', resultCode: 'r' }],
      }),
    ).toMatchObject({ data: [{ resultCode: 'r' }] });
    expect(
      decode({
        action: 'AttendeesNotify',
        ...envelope,
        data: [{ mode: 0, orgId: 'table', orgID: 'example' }],
      }),
    ).toMatchObject({ data: [{ orgID: 'example' }] });
    expect(
      decode({
        action: 'InterpreterGroupNotify',
        ...envelope,
        data: [{ groupID: 'table' }],
        interpreterGroups: [{ groupId: 't', groupID: 'example', firstLanguage: 'en', secondLanguage: 'de' }],
      }),
    ).toMatchObject({ data: [{ groupID: 'example' }] });
  });
});
