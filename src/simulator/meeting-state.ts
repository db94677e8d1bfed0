/**
 * The truth of one simulated meeting: what a full message of each type would carry right now.
 * Pushes, snapshots and the realTimeInfo endpoint (§10.1) are all derived from this one object.
 */
import {
  attendeeRecord,
  createPeoplePool,
  netConditionRecord,
  newPid,
  ORG_ID,
  type Person,
  participantPinfo,
  TITLES,
} from './people.js';
import type { Prng } from './prng.js';

/** One current speaker, as kept in the truth. */
export interface SpeakerEntry {
  readonly pid: string;
  readonly speakingVolume: number;
}

/** One invitation result or leave reason (§6.9). */
export interface InviteResultEntry {
  readonly callNumber: string;
  readonly resultCode: string;
}

/** The mutable truth of one meeting. */
export interface MeetingState {
  readonly conferenceId: string;
  readonly hostPassword: string;
  readonly guestPassword: string;
  /** Scheduler's user UUID (TokenInfo.userID, §2.2). */
  readonly ownerId: string;
  /** ConfBasicInfoNotify top-level fields (§6.3), envelope excluded. */
  readonly basic: Record<string, unknown>;
  /** ConfDynamicInfoNotify top-level fields (§6.4) except `multiPic`, which is derived. */
  readonly dynamic: Record<string, unknown>;
  /** pid → complete pinfoMap. Insertion order = join order. */
  readonly participants: Map<string, Record<string, string>>;
  /** pid → complete waiting-room pinfoMap. */
  readonly waiting: Map<string, Record<string, string>>;
  /** userUUID → attendee record without `mode`. */
  readonly attendees: Map<string, Record<string, unknown>>;
  /** participantID → latest media-quality record without `mode`. */
  readonly netConditions: Map<string, Record<string, unknown>>;
  /** Every result reported so far, oldest first (the snapshot sends them all, Appendix A). */
  readonly inviteResults: InviteResultEntry[];
  /** The complete interpreter-group list (§6.12). */
  interpreterGroups: Record<string, unknown>[];
  /** Current speakers, loudest first, at most three (§6.7). */
  speakers: SpeakerEntry[];
  /** Draws invented people for joins. */
  readonly people: { next(kind?: 'normal' | 'terminal'): Person };
}

/** Options for {@link createMeetingState}. */
export interface MeetingStateOptions {
  readonly prng: Prng;
  readonly now: number;
  readonly initialParticipants: number;
}

/** Creates a running meeting ("Created", §6.4) with its host, some participants and the attendee list. */
export function createMeetingState({ prng, now, initialParticipants }: MeetingStateOptions): MeetingState {
  const people = createPeoplePool(prng);
  const conferenceId = String(prng.int(100_000_000, 999_999_999));
  const host = people.next();
  const startTime = now - prng.int(2, 15) * 60_000;
  const scheduledStartTime = startTime - prng.int(0, 5) * 60_000;
  const state: MeetingState = {
    conferenceId,
    hostPassword: String(prng.int(100_000, 999_999)),
    guestPassword: String(prng.int(100_000, 999_999)),
    ownerId: host.userUUID,
    basic: {},
    dynamic: {},
    participants: new Map(),
    waiting: new Map(),
    attendees: new Map(),
    netConditions: new Map(),
    inviteResults: [],
    interpreterGroups: [],
    speakers: [],
    people,
  };
  Object.assign(state.basic, {
    displayID: conferenceId,
    title: prng.pick(TITLES),
    startTime: String(startTime),
    scheduledStartTime: String(scheduledStartTime),
    guestJoinUri: `https://meeting.example.net/#/j/${conferenceId}/${prng.hex(12)}`,
    pwds: [
      { role: 'chair', pwd: state.hostPassword },
      { role: 'general', pwd: state.guestPassword },
    ],
    recType: 0,
    media: 2,
    owner: host.name,
    ownerID: host.userUUID,
    orgID: ORG_ID,
    userType: 2,
    supportWatermark: 0,
    callInRestriction: 0,
    // COMMON (MCU) so that NetConditionNotify, documented for MCU meetings (§6.8), makes sense.
    confMode: 'COMMON',
    realTimeSubtitle: 1,
    webinar: false,
    supportWaitingRoom: true,
  });
  Object.assign(state.dynamic, {
    state: 'Created',
    endTime: String(scheduledStartTime + 60 * 60_000),
    mode: 'FREE',
    vas: 1,
    // §9.21: a string in the table, a number in the example; the simulator copies the example.
    picNum: 4,
    lock: 0,
    mute: 0,
    lockSharing: 0,
    canUnmute: 1,
    chairView: 0,
    recState: 0,
    recOccurred: 0,
    forbiddenChat: 0,
    realTimeSubtitle: 0,
    partViewNum: 1,
    maxPartViewNum: 8,
    waitingRoomState: 1,
  });

  state.attendees.set(host.userUUID, attendeeRecord(prng, host, true));
  addParticipant(state, prng, host, 'host', startTime);
  for (let i = 1; i < initialParticipants; i++) {
    const person = people.next(prng.chance(0.15) ? 'terminal' : 'normal');
    if (prng.chance(0.7)) state.attendees.set(person.userUUID, attendeeRecord(prng, person, false));
    addParticipant(state, prng, person, 'participant', startTime + prng.int(0, 120_000));
  }
  for (const pid of state.participants.keys()) state.netConditions.set(pid, netConditionRecord(prng, pid));
  // A couple of scheduled attendees who have not joined (yet).
  for (let i = 0; i < 2; i++) {
    const person = people.next();
    state.attendees.set(person.userUUID, attendeeRecord(prng, person, false));
  }
  return state;
}

/** Adds a participant to the truth and returns its pid and full pinfoMap. */
export function addParticipant(
  state: MeetingState,
  prng: Prng,
  person: { name: string; phone: string; userUUID: string },
  role: 'host' | 'participant' | 'audience',
  addTime: number,
): { pid: string; pinfo: Record<string, string> } {
  const pid = newPid(prng);
  const pinfo = participantPinfo(prng, person, role, addTime);
  state.participants.set(pid, pinfo);
  return { pid, pinfo };
}

/** Whether the meeting has ended. */
export function isEnded(state: MeetingState): boolean {
  return state.dynamic['state'] === 'Destroyed';
}

/** The derived multi-picture layout (§6.4): the first four sites, the sharer's picture marked. */
export function multiPic(state: MeetingState): Record<string, unknown> {
  const picInfos = [...state.participants.values()].slice(0, 4).map((pinfo, i) => ({
    index: i + 1,
    id: [pinfo['TEL'] ?? ''],
    share: pinfo['SHARE'] === '1' ? 1 : 0,
  }));
  return { picNum: 4, period: 0, picInfos };
}
