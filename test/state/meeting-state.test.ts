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
