import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  basicAuthorization,
  encodeConfControlSubtitle,
  encodeHeartBeat,
  encodeSubscribe,
  makeSequence,
  tokenFromAuthorization,
} from '../../src/protocol/client-frames.js';
import { decodeClientFrame } from '../../src/protocol/decode-client-frame.js';
import { Secret } from '../../src/security/secret.js';
import * as ex from './fixtures/protocol-examples.js';

const TOKEN = 'stb4c1d0e9a7b3f2c8d6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b7e';

describe('makeSequence', () => {
  it('zero-pads the ms timestamp to 30 characters (§5.2)', () => {
    expect(makeSequence(1767258061234)).toBe('000000000000000001767258061234');
    expect(makeSequence(1767258061234.9)).toHaveLength(30);
    expect(makeSequence(-5)).toBe('0'.repeat(30));
    expect(makeSequence(Number.NaN)).toBe('0'.repeat(30));
  });
});

describe('basicAuthorization / tokenFromAuthorization (§2.3)', () => {
  it('gives the Basic form of the published example, from a string or a Secret', () => {
    const expected = 'Basic c3RiNGMxZDBlOWE3YjNmMmM4ZDZlNWE0YjNjMmQxZTBmOWE4YjdjNmQ1ZTRmM2EyYjdl';
    expect(basicAuthorization(TOKEN)).toBe(expected);
    expect(basicAuthorization(new Secret(TOKEN))).toBe(expected);
    expect(basicAuthorization(expected)).toBe(expected);
  });

  it('round-trips, including non-ASCII text, and passes raw tokens through', () => {
    expect(tokenFromAuthorization(basicAuthorization(TOKEN))).toBe(TOKEN);
    expect(tokenFromAuthorization(basicAuthorization('jeton-é-令牌'))).toBe('jeton-é-令牌');
    expect(tokenFromAuthorization(TOKEN)).toBe(TOKEN);
  });
});

describe('encodeSubscribe (§5.1)', () => {
  const text = encodeSubscribe({
    sequence: '000000000000000001767258001234',
    conferenceId: '913570246',
    subscribeTypes: [
      'ConfBasicInfoNotify',
      'ConfDynamicInfoNotify',
      'ParticipantsNotify',
      'SpeakerChangeNotify',
    ],
    confToken: new Secret(TOKEN),
  });

  it('sends data as a JSON string, equal to the published example', () => {
    const frame = JSON.parse(text);
    expect(typeof frame.data).toBe('string');
    expect(frame).toEqual(JSON.parse(ex.subscribeRequest));
  });

  it('round-trips through the client-frame decoder', () => {
    const decoded = decodeClientFrame(text);
    if (!isRight(decoded) || decoded.right.action !== 'Subscribe') throw new Error('not a Subscribe');
    expect(decoded.right.data.subscribeType).toHaveLength(4);
    expect(tokenFromAuthorization(decoded.right.data.confToken?.reveal() ?? '')).toBe(TOKEN);
  });
});

describe('encodeHeartBeat and encodeConfControlSubtitle', () => {
  it('HeartBeat equals the published example', () => {
    expect(JSON.parse(encodeHeartBeat('000000000000000001767258061234'))).toEqual(
      JSON.parse(ex.heartBeatRequest),
    );
  });

  it('REALTIMESUBTITLE carries a JSON-string data with integer flags (§5.3)', () => {
    const text = encodeConfControlSubtitle({
      sequence: makeSequence(1),
      conferenceId: '913570246',
      confToken: TOKEN,
      enable: true,
      subtitleType: 0,
      speakerIds: ['p1'],
    });
    const frame = JSON.parse(text);
    expect(frame).toMatchObject({ action: 'ConfControl', type: 'REALTIMESUBTITLE' });
    expect(JSON.parse(frame.data)).toEqual({
      conferenceID: '913570246',
      confToken: basicAuthorization(TOKEN),
      isSubtitle: 1,
      subtitleType: 0,
      id: ['p1'],
    });
    const decoded = decodeClientFrame(text);
    expect(decoded).toMatchObject({
      _tag: 'Right',
      right: { action: 'ConfControl', data: { isSubtitle: 1 } },
    });
  });
});

describe('decodeClientFrame', () => {
  it('accepts Subscribe data as a plain object and string flags in ConfControl', () => {
    const sub = decodeClientFrame(
      JSON.stringify({
        action: 'Subscribe',
        sequence: 's',
        data: { subscribeType: ['X'], confToken: TOKEN },
      }),
    );
    expect(sub).toMatchObject({ _tag: 'Right', right: { data: { subscribeType: ['X'] } } });
    const cc = decodeClientFrame(
      JSON.stringify({
        action: 'ConfControl',
        sequence: 's',
        type: 'REALTIMESUBTITLE',
        data: '{"isSubtitle":"1","subtitleType":"0"}',
      }),
    );
    expect(cc).toMatchObject({ _tag: 'Right', right: { data: { isSubtitle: 1, subtitleType: 0 } } });
  });

  it('fails at data / data.subscribeType for a bad Subscribe, and on unknown actions', () => {
    expect(decodeClientFrame('{"action":"Subscribe","sequence":"1","data":"{oops"}')).toMatchObject({
      left: { path: 'data' },
    });
    expect(decodeClientFrame('{"action":"Subscribe","sequence":"1","data":"{}"}')).toMatchObject({
      left: { path: 'data.subscribeType' },
    });
    expect(decodeClientFrame('{"action":"Unsubscribe","sequence":"1"}')).toMatchObject({
      left: { code: 'FRAME_INVALID', path: 'action' },
    });
    expect(decodeClientFrame('nope')).toMatchObject({ left: { code: 'FRAME_INVALID_JSON' } });
  });

  it('reads a padded "action " key, as the server-frame decoder does (Appendix B)', () => {
    expect(decodeClientFrame('{"action ":" HeartBeat","sequence":"7"}')).toEqual({
      _tag: 'Right',
      right: { action: 'HeartBeat', sequence: '7' },
    });
  });

  it('masks a token sent as an unknown action in the error', () => {
    const action = `x?token=${TOKEN}`;
    const decoded = decodeClientFrame(JSON.stringify({ action, sequence: '1' }));
    expect(decoded).toMatchObject({ left: { code: 'FRAME_INVALID', path: 'action' } });
    expect(JSON.stringify(decoded)).not.toContain(TOKEN);
  });
});
