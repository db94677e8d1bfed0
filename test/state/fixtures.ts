/** Builders of decoded messages (the shapes of src/protocol/messages.ts) for the state tests. */
import type {
  AttendeeItem,
  AttendeesNotify,
  ItemMode,
  MsgMode,
  ParticipantItem,
  ParticipantsNotify,
  SpeakerChangeNotify,
  SpeakerItem,
  WaitingListItem,
  WaitingListNotify,
} from '../../src/protocol/messages.js';

const envelope = (version: number, msgMode: MsgMode) => ({
  version,
  createTime: 1_767_258_002_000,
  msgID: `m${version}`,
  msgMode,
  confID: '913570246',
});

export function item(
  pid: string,
  pinfoMap: Record<string, string> = {},
  mode: ItemMode = 0,
): ParticipantItem {
  return { pid, mode, pinfoMap };
}

export function removal(pid: string): ParticipantItem {
  return { pid, mode: 1, pinfoMap: {} };
}

export function participants(msgMode: MsgMode, version: number, data: ParticipantItem[]): ParticipantsNotify {
  return { action: 'ParticipantsNotify', ...envelope(version, msgMode), data };
}

/** A full ParticipantsNotify (its version is a timestamp, §6.0). */
export function fullRoster(data: ParticipantItem[], version = 1_767_258_002_020): ParticipantsNotify {
  return participants(0, version, data);
}

/** An incremental ParticipantsNotify. */
export function delta(version: number, data: ParticipantItem[]): ParticipantsNotify {
  return participants(1, version, data);
}

export function waiting(msgMode: MsgMode, version: number, data: WaitingListItem[]): WaitingListNotify {
  return { action: 'WaitingListNotify', ...envelope(version, msgMode), data };
}

export function attendees(msgMode: MsgMode, version: number, data: AttendeeItem[]): AttendeesNotify {
  return { action: 'AttendeesNotify', ...envelope(version, msgMode), data };
}

export function speakers(data: SpeakerItem[], version = 1_767_258_031_544): SpeakerChangeNotify {
  return { action: 'SpeakerChangeNotify', ...envelope(version, 0), data };
}

/** A complete pinfoMap like §6.5's example. */
export function person(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NAME: name,
    TEL: '+99111283401937265',
    ROLE: '0',
    STATE: '0',
    HAND: '0',
    BROADCAST: '0',
    ROLLCALL: '0',
    SHARE: '0',
    ADDTIME: '1767257415022',
    MUTE: '0',
    VIDEO: '1',
    ANONYMOUS: '0',
    LOCALREC: '0',
    CLIENT_LOGIN_TYPE: 'Mobile',
    VIEW_TYPE: '0',
    IS_COHOST: '0',
    ...extra,
  };
}
