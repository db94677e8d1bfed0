/**
 * Every example payload of PROTOCOL.md decodes, to the expected normalised values.
 */
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { tokenFromAuthorization } from '../../src/protocol/client-frames.js';
import { decodeClientFrame } from '../../src/protocol/decode-client-frame.js';
import {
  decodeControlTokenResponse,
  decodeRestErrorBody,
  decodeWebSocketTokenResponse,
} from '../../src/protocol/rest.js';
import * as ex from './fixtures/protocol-examples.js';
import { as, bothPaths, decodeOk } from './helpers.js';

const ENVELOPE = { confID: '913570246', msgMode: 0 } as const;

describe('PROTOCOL.md server-frame examples', () => {
  // Only the frequent pushes have a hand-written fast path; the others take the slow path alone.
  const HOT = new Set(['ParticipantsNotify', 'ConfDynamicInfoNotify', 'SpeakerChangeNotify']);

  it.each(Object.entries(ex.SERVER_FRAME_EXAMPLES))(
    '%s equals the full decode, and takes the fast path if it has one',
    (_, text) => {
      const { normal, shared, full, tookFastPath } = bothPaths(text);
      expect(tookFastPath).toBe(HOT.has(String(JSON.parse(text).action)));
      expect(normal).toEqual(full);
      expect(shared).toEqual(full);
      expect(normal).toMatchObject({ _tag: 'Right' });
    },
  );

  it('§6.1 Subscribe reply: returnDesc read from the key with a trailing space', () => {
    expect(decodeOk(ex.subscribeReply)).toEqual({
      action: 'Subscribe',
      sequence: '000000000000000001767258001234',
      returnCode: 0,
      returnDesc: 'SUCCESS',
    });
  });

  it('§6.2 HeartBeat echo', () => {
    expect(decodeOk(ex.heartBeatReply)).toEqual({
      action: 'HeartBeat',
      sequence: '000000000000000001767258061234',
    });
  });

  it('§5.3 ConfControl reply (simulator form)', () => {
    expect(decodeOk(ex.confControlReply)).toEqual({
      action: 'ConfControl',
      sequence: '000000000000000001767258200000',
      type: 'REALTIMESUBTITLE',
      returnCode: 0,
      returnDesc: 'SUCCESS',
    });
  });

  it('§6.3 ConfBasicInfoNotify: top-level fields under data, ms strings as numbers, passwords secret', () => {
    const f = as(decodeOk(ex.confBasicInfo), 'ConfBasicInfoNotify');
    expect(f).toMatchObject({ ...ENVELOPE, version: 1767258002001, createTime: 1767258002001 });
    expect(f.msgID).toBe('6a1f3e20c4b711f0a1b2c3d4e5f60718');
    expect(f.data).toMatchObject({
      displayID: '913570246',
      title: 'Quarterly planning sync',
      startTime: 1767257400000,
      scheduledStartTime: 1767257100000,
      confMode: 'RTC',
      webinar: false,
      supportWaitingRoom: true,
      realTimeSubtitle: 1,
    });
    expect(f.data.pwds?.map((p) => [p.role, p.pwd.reveal()])).toEqual([
      ['chair', '******'],
      ['general', '******'],
    ]);
    // The envelope is not repeated inside data.
    expect(Object.keys(f.data)).not.toContain('action');
    expect(Object.keys(f.data)).not.toContain('msgID');
  });

  it('§6.4 ConfDynamicInfoNotify: endTime a number, multiPic kept, example-only fields kept', () => {
    const f = as(decodeOk(ex.confDynamicInfo), 'ConfDynamicInfoNotify');
    expect(f.data).toMatchObject({
      state: 'Created',
      endTime: 1767261000000,
      mode: 'FIXED',
      picNum: 4,
      lock: 1,
    });
    expect(f.data.waitingRoomState).toBe(1);
    expect(f.data.multiPic?.picInfos).toEqual([
      { index: 1, id: ['+99111283401937265'], share: 0 },
      { index: 2, id: ['+99111283401937266'], share: 0 },
    ]);
    expect(Object.keys(f.data)).not.toContain('confID');
  });

  it('§6.5 ParticipantsNotify full message', () => {
    const f = as(decodeOk(ex.participantsFull), 'ParticipantsNotify');
    expect(f.version).toBe(1767258002020);
    expect(f.data).toHaveLength(1);
    expect(f.data[0]).toMatchObject({ pid: 'k7m2q9x4w1c8v5b3n6z0r2t4y8u1i3o5', mode: 0 });
    expect(f.data[0]?.pinfoMap).toMatchObject({
      NAME: 'Kenji Sato',
      ROLE: '1',
      CLIENT_LOGIN_TYPE: 'Mobile',
      ORG_ID: '70315',
    });
    expect(Object.keys(f.data[0]?.pinfoMap ?? {})).toHaveLength(18);
  });

  it('§6.5 ParticipantsNotify incremental message: absent pinfoMap becomes {}', () => {
    const f = as(decodeOk(ex.participantsIncremental), 'ParticipantsNotify');
    expect(f).toMatchObject({ msgMode: 1, version: 3 });
    expect(f.data).toEqual([
      { pid: 'k7m2q9x4w1c8v5b3n6z0r2t4y8u1i3o5', mode: 0, pinfoMap: { HAND: '1' } },
      { pid: 'p3s8d1f6g0h4j9k2l7a5s1d3f8g2h6j4', mode: 1, pinfoMap: {} },
    ]);
  });

  it('§6.6 AttendeesNotify', () => {
    const f = as(decodeOk(ex.attendees), 'AttendeesNotify');
    expect(f.data.map((a) => [a.userUUID, a.name, a.role, a.type, a.orgID])).toEqual([
      ['0c4e8a2f6b1d43a9b5e7f9d1c3a5b7e9', 'Kenji Sato', 1, 'normal', '70315'],
      ['9d7b5f3a1c2e4b6d8f0a2c4e6b8d0f1a', 'Meeting room 4B', 0, 'terminal', '70315'],
    ]);
    expect(f.data[0]?.deptName).toBe('Platform');
  });

  it('§6.7 SpeakerChangeNotify, loudest first', () => {
    const f = as(decodeOk(ex.speakerChange), 'SpeakerChangeNotify');
    expect(f.data.map((s) => [s.pid, s.speakingVolume, s.name])).toEqual([
      ['k7m2q9x4w1c8v5b3n6z0r2t4y8u1i3o5', 61, 'Kenji Sato'],
      ['p3s8d1f6g0h4j9k2l7a5s1d3f8g2h6j4', 22, 'Priya Nair'],
    ]);
  });

  it('§6.7 SpeakerChangeNotify without data: nobody speaks', () => {
    const f = as(decodeOk(ex.speakerChangeNobody), 'SpeakerChangeNotify');
    expect(f).toEqual({
      action: 'SpeakerChangeNotify',
      version: 1767258040001,
      createTime: 1767258040001,
      msgID: '7b33aa02c4b711f0a1b2c3d4e5f60718',
      msgMode: 0,
      confID: '913570246',
      data: [],
    });
  });

  it('§6.8 NetConditionNotify: metric strings as numbers', () => {
    const f = as(decodeOk(ex.netCondition), 'NetConditionNotify');
    expect(f).toMatchObject({ msgMode: 1, version: 12 });
    expect(f.data[0]).toEqual({
      mode: 0,
      participantID: 'k7m2q9x4w1c8v5b3n6z0r2t4y8u1i3o5',
      netInfo: 'good',
      lostPacketRate: 1,
      delay: 42,
      jitter: 3,
      fluxIn: 1,
      fluxOut: 3,
      videoInLossPacketRate: 0,
      videoOutLossPacketRate: 1,
      bandwidth: 40960,
      audioCodecType: 'OPUS',
      videoCodecType: 'H264BP',
    });
  });

  it('§6.9 InviteResultNotify', () => {
    const f = as(decodeOk(ex.inviteResult), 'InviteResultNotify');
    expect(f.data).toEqual([{ callNumber: '+99111283401937301', resultCode: '11111003' }]);
  });

  it('§6.10 RealTimeSubtitleNotify: string version and createTime as numbers', () => {
    const f = as(decodeOk(ex.realTimeSubtitle), 'RealTimeSubtitleNotify');
    expect(f).toMatchObject({ version: 1767258200114, createTime: 1767258200114, msgMode: 0 });
    expect(f.data).toEqual({
      msgs: [
        {
          subtitleLang: 'English',
          translateText: "Let's start with the roadmap.",
          id: '3f6c2a1e-8b4d-4e2f-9a7c-1d5e3b9f0a62',
        },
      ],
      isFinal: true,
      timestamp: 1767258200110,
      beginTime: 780120,
      endTime: 782400,
      participantID: 'k7m2q9x4w1c8v5b3n6z0r2t4y8u1i3o5',
    });
  });

  it('§6.11 WaitingListNotify', () => {
    const f = as(decodeOk(ex.waitingList), 'WaitingListNotify');
    expect(f).toMatchObject({ msgMode: 1, version: 2 });
    expect(f.data).toEqual([
      {
        pid: 'w4e6r8t0y2u4i6o8p0a2s4d6f8g0h2j4',
        mode: 0,
        delType: 0,
        pinfoMap: {
          NAME: 'Guest 7',
          ANONYMOUS: '1',
          CLIENT_LOGIN_TYPE: 'Desktop',
          ADDTIME: '1767258300550',
          WAITINGSTATE: '0',
        },
      },
    ]);
  });

  it('§6.12 InterpreterGroupNotify: top-level interpreterGroups under data', () => {
    const f = as(decodeOk(ex.interpreterGroup), 'InterpreterGroupNotify');
    expect(f.data).toEqual([
      {
        groupID: '2b9e4d7f1a3c5e8b0d2f4a6c8e0b1d3f',
        firstLanguage: 'zh',
        secondLanguage: 'fr',
        interpreters: [
          {
            userID: '4e6a8c0b2d4f46a8b0c2e4f6a8c0d2e4',
            callNumber: '+99111283401937288',
            name: 'Claire Dubois',
          },
        ],
      },
    ]);
  });
});

describe('PROTOCOL.md REST examples', () => {
  it('§2.2 control token: tokens secret, numbers and list kept', () => {
    const r = decodeControlTokenResponse(JSON.parse(ex.controlTokenResponse));
    if (!isRight(r)) throw new Error(r.left.message);
    expect(r.right.token.reveal()).toBe('stb4c1d0e9a7b3f2c8d6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b7e');
    expect(r.right.tmpWsToken?.reveal()).toBe('cnr0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e1f');
    expect(r.right).toMatchObject({
      wsURL: 'wss://198.51.100.27:443',
      role: 1,
      expireTime: 1767261600000,
      userID: '5b0e2c7f9d4a41e6b8c3f1a2d7e9c0b4',
      orgID: '70315',
      confTokenExpireTime: 1800,
      vmrCurrentConfID: '',
    });
    expect(r.right.supportNotifyType).toHaveLength(9);
  });

  it('§2.5 error body', () => {
    expect(decodeRestErrorBody(JSON.parse(ex.restErrorBody))).toEqual({
      _tag: 'Right',
      right: { error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' },
    });
  });

  it('§3 wsToken (flat documented shape)', () => {
    const r = decodeWebSocketTokenResponse(JSON.parse(ex.webSocketTokenResponse));
    if (!isRight(r)) throw new Error(r.left.message);
    expect(r.right.webSocketToken.reveal()).toBe('cnr3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a');
  });
});

describe('PROTOCOL.md client-frame examples', () => {
  it('§5.1 Subscribe: data string parsed, Basic token decodes to the stb… token', () => {
    const r = decodeClientFrame(ex.subscribeRequest);
    if (!isRight(r)) throw new Error(r.left.message);
    const frame = r.right;
    if (frame.action !== 'Subscribe') throw new Error(frame.action);
    expect(frame.sequence).toBe('000000000000000001767258001234');
    expect(frame.data.conferenceID).toBe('913570246');
    expect(frame.data.subscribeType).toEqual([
      'ConfBasicInfoNotify',
      'ConfDynamicInfoNotify',
      'ParticipantsNotify',
      'SpeakerChangeNotify',
    ]);
    expect(tokenFromAuthorization(frame.data.confToken?.reveal() ?? '')).toBe(
      'stb4c1d0e9a7b3f2c8d6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b7e',
    );
  });

  it('§5.2 HeartBeat', () => {
    expect(decodeClientFrame(ex.heartBeatRequest)).toEqual({
      _tag: 'Right',
      right: { action: 'HeartBeat', sequence: '000000000000000001767258061234' },
    });
  });
});
