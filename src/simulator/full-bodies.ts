/**
 * The payload of a full message (msgMode 0) of each type, taken from the meeting's truth, and the
 * order in which a subscribe snapshot sends them (Appendix A).
 */
import type { NotifyType } from '../protocol/notify-types.js';
import { speakerBody, type WireFrame } from './frames.js';
import { type MeetingState, multiPic } from './meeting-state.js';

/**
 * Appendix A: the snapshot order. InviteResult is sent only when results exist; RealTimeSubtitle has
 * no snapshot at all.
 */
export const SNAPSHOT_ORDER: readonly NotifyType[] = [
  'ConfBasicInfoNotify',
  'ConfDynamicInfoNotify',
  'AttendeesNotify',
  'ParticipantsNotify',
  'InviteResultNotify',
  'NetConditionNotify',
  'WaitingListNotify',
  'InterpreterGroupNotify',
  'SpeakerChangeNotify',
];

/** The speaker list on the wire: loudest first, with the display name [DX] when known (§6.7). */
function speakerItems(state: MeetingState): WireFrame[] {
  return state.speakers.map(({ pid, speakingVolume }) => {
    const name = state.participants.get(pid)?.['NAME'];
    return name === undefined ? { pid, speakingVolume } : { pid, name, speakingVolume };
  });
}

/**
 * The full-message body of `action`, or `undefined` when the snapshot skips it (no invite results,
 * captions).
 */
export function fullBody(state: MeetingState, action: NotifyType): WireFrame | undefined {
  switch (action) {
    case 'ConfBasicInfoNotify':
      return { ...state.basic };
    case 'ConfDynamicInfoNotify':
      return { ...state.dynamic, multiPic: multiPic(state) };
    case 'AttendeesNotify':
      return { data: [...state.attendees.values()].map((a) => ({ mode: 0, ...a })) };
    case 'ParticipantsNotify':
      return {
        data: [...state.participants].map(([pid, pinfo]) => ({ pid, mode: 0, pinfoMap: { ...pinfo } })),
      };
    case 'InviteResultNotify':
      return state.inviteResults.length === 0
        ? undefined
        : { data: state.inviteResults.map((r) => ({ ...r })) };
    case 'NetConditionNotify':
      return { data: [...state.netConditions.values()].map((n) => ({ mode: 0, ...n })) };
    case 'WaitingListNotify':
      return {
        data: [...state.waiting].map(([pid, pinfo]) => ({
          pid,
          mode: 0,
          delType: 0,
          pinfoMap: { ...pinfo },
        })),
      };
    case 'InterpreterGroupNotify':
      return { interpreterGroups: structuredClone(state.interpreterGroups) };
    case 'SpeakerChangeNotify':
      return speakerBody(speakerItems(state));
    case 'RealTimeSubtitleNotify':
      return undefined;
  }
}
