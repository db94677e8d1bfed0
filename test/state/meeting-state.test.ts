import { describe, expect, it } from 'vitest';
import type { ConfBasicInfoNotify, ConfDynamicInfoNotify } from '../../src/protocol/messages.js';
import { Secret } from '../../src/security/secret.js';
import {
  applyMeetingInfo,
  initialMeetingInfoState,
  mergeMeetingState,
} from '../../src/state/meeting-state.js';

const env = { createTime: 1, msgID: 'x', confID: '913570246' };
const basicData = {
  displayID: '913570246',
  title: 'Quarterly planning sync',
  startTime: 1767257400000,
  scheduledStartTime: 1767257100000,
  pwds: [{ role: 'chair', pwd: new Secret('123456') }],
  recType: 0,
  media: 2,
  owner: 'Lena Ortiz',
  ownerID: '5b0e',
  realTimeSubtitle: 1,
  confMode: 'RTC',
  webinar: false,
  supportWaitingRoom: true,
};
const dynamicData = {
  state: 'Created',
  endTime: 1767261000000,
  mode: 'FIXED',
  vas: 0,
  lock: 1,
  mute: 0,
  lockSharing: 0,
  canUnmute: 1,
  recState: 1,
  forbiddenChat: 0,
  realTimeSubtitle: 0,
  waitingRoomState: 1,
};
const basic = (version: number, data = basicData): ConfBasicInfoNotify => ({
  action: 'ConfBasicInfoNotify',
  ...env,
  version,
  msgMode: 0,
  data,
});
const dynamic = (msgMode: 0 | 1, version: number, data: Record<string, unknown>): ConfDynamicInfoNotify => ({
  action: 'ConfDynamicInfoNotify',
  ...env,
  version,
  msgMode,
  data,
});

describe('mergeMeetingState', () => {
  it('merges the §6.3 and §6.4 examples into typed fields', () => {
    const state = mergeMeetingState(basicData, dynamicData);
    expect(state).toMatchObject({
      displayID: '913570246',
      title: 'Quarterly planning sync',
      state: 'running',
      locked: true,
      recording: true,
      recordingType: 'off',
      muteAll: false,
      canUnmute: true,
      lockSharing: false,
      captions: false,
      captionsSupported: true,
      chatForbidden: false,
      voiceActivated: false,
      waitingRoomEnabled: true,
      waitingRoomSupported: true,
      webinar: false,
      mode: 'fixed',
      media: 'video',
      confMode: 'RTC',
      owner: 'Lena Ortiz',
    });
    expect(state.startTime).toEqual(new Date(1767257400000));
    expect(state.scheduledStartTime).toEqual(new Date(1767257100000));
    expect(state.endTime).toEqual(new Date(1767261000000));
    expect(JSON.stringify(state)).not.toContain('123456');
  });

  it('maps Destroyed to ended and Schedule to scheduled; unknown values to unknown', () => {
    expect(mergeMeetingState(undefined, { state: 'Destroyed' }).state).toBe('ended');
    expect(mergeMeetingState(undefined, { state: 'Schedule' }).state).toBe('scheduled');
    expect(mergeMeetingState(undefined, { state: 'Paused?' }).state).toBe('unknown');
    expect(mergeMeetingState(undefined, { mode: 'ROLLCALL' }).mode).toBe('roll-call');
    expect(mergeMeetingState(undefined, { realTimeSubtitle: 3 }).captions).toBe(true);
  });

  it('with nothing received, everything reads as absent', () => {
    expect(mergeMeetingState()).toMatchObject({
      state: 'unknown',
      title: undefined,
      locked: false,
      media: 'unknown',
    });
  });
});

describe('applyMeetingInfo', () => {
  it('replaces on full messages, merges incremental ones, tracks versions per type', () => {
    const s1 = applyMeetingInfo(initialMeetingInfoState(), basic(1767258002001));
    const s2 = applyMeetingInfo(s1, dynamic(0, 1767258002013, dynamicData));
    expect(s2.meeting).toMatchObject({ title: 'Quarterly planning sync', state: 'running', locked: true });
    const s3 = applyMeetingInfo(s2, dynamic(1, 4, { lock: 0 }));
    expect(s3.meeting).toMatchObject({ locked: false, recording: true, state: 'running' });
    const stale = applyMeetingInfo(s3, dynamic(1, 4, { state: 'Destroyed' }));
    expect(stale.warnings.map((w) => w.code)).toEqual(['DUPLICATE_VERSION']);
    expect(stale.changed).toBe(false);
    expect(stale.meeting).toBe(s3.meeting);
    const ended = applyMeetingInfo(
      s3,
      dynamic(0, 1767258099999, { state: 'Destroyed', endTime: 1767258099000 }),
    );
    expect(ended.meeting.state).toBe('ended');
    expect(ended.meeting.locked).toBe(false);
    expect(ended.meeting.title).toBe('Quarterly planning sync');
  });
});

describe('mergeMeetingState: every mapping', () => {
  it('maps every layout mode, and anything else to unknown', () => {
    const modes = ['FREE', 'FIXED', 'ROLLCALL', 'BROADCAST', 'SPLIT', undefined].map(
      (mode) => mergeMeetingState(undefined, { mode }).mode,
    );
    expect(modes).toEqual(['free', 'fixed', 'roll-call', 'broadcast', 'unknown', 'unknown']);
  });

  it('maps every recording type, and anything else to unknown', () => {
    const types = [0, 1, 2, 3, 4, undefined].map((recType) => mergeMeetingState({ recType }).recordingType);
    expect(types).toEqual(['off', 'recording', 'recording-and-live', 'live', 'unknown', 'unknown']);
  });

  it('maps media 1/2 to voice/video, and anything else to unknown', () => {
    const media = [1, 2, 3, undefined].map((value) => mergeMeetingState({ media: value }).media);
    expect(media).toEqual(['voice', 'video', 'unknown', 'unknown']);
  });

  it('integer flags are true for 1 only; the boolean ones for true only', () => {
    const on = mergeMeetingState(
      { realTimeSubtitle: 1, supportWaitingRoom: true, webinar: true },
      {
        lock: 1,
        recState: 1,
        mute: 1,
        canUnmute: 1,
        lockSharing: 1,
        realTimeSubtitle: 1,
        forbiddenChat: 1,
        vas: 1,
        waitingRoomState: 1,
        pause: true,
      },
    );
    const flags = (s: ReturnType<typeof mergeMeetingState>) => [
      s.locked,
      s.recording,
      s.muteAll,
      s.canUnmute,
      s.lockSharing,
      s.captions,
      s.captionsSupported,
      s.chatForbidden,
      s.voiceActivated,
      s.waitingRoomEnabled,
      s.waitingRoomSupported,
      s.webinar,
      s.paused,
    ];
    expect(flags(on)).toEqual(Array(13).fill(true));
    const off = mergeMeetingState(
      { realTimeSubtitle: 0, supportWaitingRoom: false, webinar: false },
      {
        lock: 0,
        recState: 2,
        mute: 0,
        canUnmute: 2,
        lockSharing: 0,
        realTimeSubtitle: 0,
        forbiddenChat: 0,
        vas: 0,
        waitingRoomState: 2,
        pause: false,
      },
    );
    expect(flags(off)).toEqual(Array(13).fill(false));
    expect(flags(mergeMeetingState())).toEqual(Array(13).fill(false));
  });

  it('times read as absent when missing or not finite (1e400 parses to Infinity)', () => {
    const state = mergeMeetingState({ scheduledStartTime: JSON.parse('1e400') }, {});
    expect(state.startTime).toBeUndefined();
    expect(state.scheduledStartTime).toBeUndefined();
    expect(state.endTime).toBeUndefined();
  });

  it('passes the scheduler, the conference mode and the layout through', () => {
    const multiPic = { picNum: 1, picInfos: [{ index: 1, id: ['k7m2'] }] };
    const state = mergeMeetingState(basicData, { ...dynamicData, multiPic });
    expect(state).toMatchObject({ ownerID: '5b0e', confMode: 'RTC', multiPicture: multiPic });
  });
});

describe('applyMeetingInfo: details', () => {
  it('starts with nothing received', () => {
    const initial = initialMeetingInfoState();
    expect(initial).toEqual({
      basic: undefined,
      dynamic: undefined,
      lastBasicVersion: undefined,
      lastDynamicVersion: undefined,
      meeting: mergeMeetingState(),
    });
  });

  it('an applied message is changed and carries no warnings', () => {
    const s1 = applyMeetingInfo(initialMeetingInfoState(), basic(1767258002001));
    expect(s1.changed).toBe(true);
    expect(s1.warnings).toEqual([]);
    const s2 = applyMeetingInfo(s1, dynamic(1, 3, { lock: 1 }));
    expect(s2).toMatchObject({ changed: true, warnings: [], lastDynamicVersion: 3 });
    expect(s2.lastBasicVersion).toBeUndefined();
  });

  it('a full message replaces its part: fields it no longer carries read as absent', () => {
    const s1 = applyMeetingInfo(initialMeetingInfoState(), dynamic(0, 1767258002013, dynamicData));
    const s2 = applyMeetingInfo(s1, dynamic(0, 1767258002999, { state: 'Created' }));
    expect(s2.meeting).toMatchObject({ state: 'running', locked: false, recording: false, mode: 'unknown' });
    expect(s2.dynamic).toEqual({ state: 'Created' });
  });

  it('an incremental message before any full one is taken as the whole part', () => {
    const s1 = applyMeetingInfo(initialMeetingInfoState(), dynamic(1, 2, { lock: 1 }));
    expect(s1.dynamic).toEqual({ lock: 1 });
    expect(s1.meeting.locked).toBe(true);
    expect(s1.basic).toBeUndefined();
  });

  it('tracks basic versions apart from dynamic ones', () => {
    const basicInc = (version: number, data: Record<string, unknown>): ConfBasicInfoNotify => ({
      ...basic(version),
      msgMode: 1,
      data,
    });
    const s1 = applyMeetingInfo(initialMeetingInfoState(), basicInc(7, { title: 'A' }));
    const s2 = applyMeetingInfo(s1, dynamic(1, 7, { lock: 1 }));
    expect(s2.warnings).toEqual([]);
    expect(s2).toMatchObject({ lastBasicVersion: 7, lastDynamicVersion: 7 });
    const s3 = applyMeetingInfo(s2, basicInc(7, { title: 'B' }));
    expect(s3.warnings.map((w) => w.code)).toEqual(['DUPLICATE_VERSION']);
    expect(s3.meeting.title).toBe('A');
  });
});
