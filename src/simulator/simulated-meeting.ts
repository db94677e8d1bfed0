/**
 * One simulated meeting at run time: the truth (meeting-state.ts), its sockets, the publisher and
 * the manual controls of {@link SimulatedMeeting}. The scripted activity drives the same controls.
 */
import type WebSocket from 'ws';
import type { NotifyType } from '../protocol/notify-types.js';
import type { SimulatorClock } from './clock.js';
import { createFaultControls, createFaultState, type FaultState } from './faults.js';
import { buildPush, fullPushMeta } from './frames.js';
import { fullBody, SNAPSHOT_ORDER } from './full-bodies.js';
import { addParticipant, isEnded, type MeetingState } from './meeting-state.js';
import { attendeeRecord, netConditionRecord, participantPinfo, waitingPinfo } from './people.js';
import type { Prng } from './prng.js';
import { createPublisher } from './publisher.js';
import { CLOSE, createSocketSession, type SocketSession } from './socket-session.js';
import { createSpeakerThrottle } from './speaker-throttle.js';
import type { TokenStore } from './tokens.js';
import type { SimulatedMeeting } from './types.js';

/** §6.7: the three loudest sites. */
const MAX_SPEAKERS = 3;
/** §6.9: "the site hung up (left by itself)". */
const LEFT_BY_ITSELF = '11076010';

/** What a meeting needs from the simulator. */
export interface MeetingRuntimeOptions {
  readonly state: MeetingState;
  /** Draws new pids and pinfo values for manual and scripted joins. */
  readonly prng: Prng;
  /** Draws msgIDs and caption ids (a separate stream, so the script does not depend on connections). */
  readonly idPrng: Prng;
  readonly clock: SimulatorClock;
  readonly heartbeatTimeoutMs: number;
  readonly tokens: TokenStore;
}

/** A meeting plus the internal hooks the server and the script use. */
export interface MeetingRuntime {
  readonly controls: SimulatedMeeting;
  readonly state: MeetingState;
  readonly faults: FaultState;
  /** Takes over an authenticated socket (§4). */
  accept(ws: WebSocket): void;
  ended(): boolean;
  /** Registers a callback for the meeting's end (the script stops itself). */
  onEnd(callback: () => void): void;
  /** Script: adds a scheduled attendee (AttendeesNotify, incremental). Returns their name and number. */
  addAttendee(): { name: string; phone: string };
  /** Script: a fresh media-quality record for `pid` (NetConditionNotify, incremental). */
  reportNetCondition(pid: string): void;
  /** Script: replaces the interpreter-group list (InterpreterGroupNotify, full). */
  setInterpreterGroups(groups: Record<string, unknown>[]): void;
  /** Closes every socket with 1000 "bye" at once and stops this meeting's timers. */
  shutdown(): void;
}

/** Creates the run-time meeting around its initial truth. */
export function createMeetingRuntime(options: MeetingRuntimeOptions): MeetingRuntime {
  const { state, prng, idPrng, clock, tokens } = options;
  const conferenceId = state.conferenceId;
  const faults = createFaultState();
  const sessions = new Set<SocketSession>();
  const frameListeners = new Set<(text: string) => void>();
  const endCallbacks: (() => void)[] = [];
  const nextMsgId = (): string => idPrng.hex(32);
  const publisher = createPublisher({ conferenceId, clock, faults, targets: () => sessions, nextMsgId });

  let captionsOn = false;

  const assertRunning = (): void => {
    if (isEnded(state)) throw new Error(`meeting ${conferenceId} has ended`);
  };
  const participantOrThrow = (pid: string): Record<string, string> => {
    const pinfo = state.participants.get(pid);
    if (pinfo === undefined) throw new Error(`no participant ${pid} in meeting ${conferenceId}`);
    return pinfo;
  };
  const pushDynamic = (): void =>
    publisher.full('ConfDynamicInfoNotify', fullBody(state, 'ConfDynamicInfoNotify')!);

  const speakerPushes = createSpeakerThrottle(
    clock,
    () => state.speakers.map((s) => s.pid).join(','),
    () => publisher.full('SpeakerChangeNotify', fullBody(state, 'SpeakerChangeNotify')!),
  );
  const setSpeakers = (speakers: readonly { pid: string; speakingVolume: number }[]): void => {
    state.speakers = [...speakers]
      .map(({ pid, speakingVolume }) => ({ pid, speakingVolume }))
      .sort((a, b) => b.speakingVolume - a.speakingVolume)
      .slice(0, MAX_SPEAKERS);
    speakerPushes.changed();
  };

  const snapshot = (types: ReadonlySet<NotifyType>): string[] => {
    const now = clock.now();
    const texts: string[] = [];
    for (const action of SNAPSHOT_ORDER) {
      if (!types.has(action)) continue;
      const body = fullBody(state, action);
      if (body === undefined) continue;
      texts.push(JSON.stringify(buildPush(fullPushMeta(action, conferenceId, now, nextMsgId()), body)));
    }
    return texts;
  };

  const uuid = (): string => {
    const h = idPrng.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  };

  const controls: SimulatedMeeting = {
    conferenceId,
    hostPassword: state.hostPassword,
    participants: () => new Map([...state.participants].map(([pid, pinfo]) => [pid, { ...pinfo }])),
    waitingRoom: () => new Map([...state.waiting].map(([pid, pinfo]) => [pid, { ...pinfo }])),
    speakers: () => state.speakers.map((s) => ({ ...s })),
    state: () => (isEnded(state) ? 'Destroyed' : 'Created'),

    join(p = {}) {
      assertRunning();
      const drawn = state.people.next();
      const person = p.name === undefined ? drawn : { ...drawn, name: p.name };
      const { pid, pinfo } = addParticipant(state, prng, person, p.role ?? 'participant', clock.now());
      Object.assign(pinfo, p.pinfo);
      publisher.incremental('ParticipantsNotify', { data: [{ pid, mode: 0, pinfoMap: { ...pinfo } }] });
      return pid;
    },
    leave(pid, resultCode = LEFT_BY_ITSELF) {
      assertRunning();
      const pinfo = participantOrThrow(pid);
      state.participants.delete(pid);
      publisher.incremental('ParticipantsNotify', { data: [{ pid, mode: 1 }] });
      if (state.netConditions.delete(pid)) {
        publisher.incremental('NetConditionNotify', { data: [{ participantID: pid, mode: 1 }] });
      }
      // §6.9: InviteResultNotify also reports why a site left.
      controls.invite(pinfo['TEL'] ?? '', resultCode);
      if (state.speakers.some((s) => s.pid === pid)) setSpeakers(state.speakers.filter((s) => s.pid !== pid));
    },
    update(pid, changes) {
      assertRunning();
      Object.assign(participantOrThrow(pid), changes);
      publisher.incremental('ParticipantsNotify', { data: [{ pid, mode: 0, pinfoMap: { ...changes } }] });
    },
    speak(speakers) {
      assertRunning();
      setSpeakers(speakers);
    },
    invite(callNumber, resultCode = '0') {
      assertRunning();
      const result = { callNumber, resultCode };
      state.inviteResults.push(result);
      // Pushed as a full message carrying the new result (the published example, §6.9).
      publisher.full('InviteResultNotify', { data: [{ ...result }] });
    },
    addToWaitingRoom(p = {}) {
      assertRunning();
      const pid = prng.alnum(32);
      const pinfo = waitingPinfo(
        prng,
        p.name ?? `Guest ${state.waiting.size + prng.int(2, 40)}`,
        clock.now(),
      );
      state.waiting.set(pid, pinfo);
      publisher.incremental('WaitingListNotify', {
        data: [{ pid, mode: 0, delType: 0, pinfoMap: { ...pinfo } }],
      });
      return pid;
    },
    admit(pid) {
      assertRunning();
      const waiting = state.waiting.get(pid);
      if (waiting === undefined) throw new Error(`no one waiting as ${pid} in meeting ${conferenceId}`);
      state.waiting.delete(pid);
      publisher.incremental('WaitingListNotify', { data: [{ pid, mode: 1, delType: 0 }] });
      const person = { ...state.people.next(), name: waiting['NAME'] ?? 'Guest' };
      const pinfo = participantPinfo(prng, person, 'participant', clock.now());
      pinfo['ANONYMOUS'] = waiting['ANONYMOUS'] ?? '0';
      pinfo['CLIENT_LOGIN_TYPE'] = waiting['CLIENT_LOGIN_TYPE'] ?? pinfo['CLIENT_LOGIN_TYPE'] ?? 'Desktop';
      state.participants.set(pid, pinfo);
      publisher.incremental('ParticipantsNotify', { data: [{ pid, mode: 0, pinfoMap: { ...pinfo } }] });
      return pid;
    },
    setRecording(on) {
      assertRunning();
      const recState = on ? 1 : 0;
      if (state.dynamic['recState'] === recState) return;
      state.dynamic['recState'] = recState;
      if (on) state.dynamic['recOccurred'] = 1;
      pushDynamic();
      // Basic information changes too: recType 1 = recording (§6.3).
      state.basic['recType'] = recState;
      publisher.full('ConfBasicInfoNotify', fullBody(state, 'ConfBasicInfoNotify')!);
    },
    setLocked(on) {
      assertRunning();
      const lock = on ? 1 : 0;
      if (state.dynamic['lock'] === lock) return;
      state.dynamic['lock'] = lock;
      pushDynamic();
    },
    startCaptions() {
      assertRunning();
      if (captionsOn) return;
      captionsOn = true;
      // §5.3: realTimeSubtitle becomes 1 in the next ConfDynamicInfoNotify.
      state.dynamic['realTimeSubtitle'] = 1;
      pushDynamic();
    },
    caption(text, isFinal = true) {
      assertRunning();
      controls.startCaptions();
      const now = clock.now();
      const startTime = Number(state.basic['startTime']);
      const speaker = state.speakers[0]?.pid ?? state.participants.keys().next().value;
      const data: Record<string, unknown> = {
        msgs: [{ subtitleLang: 'English', translateText: text, id: uuid() }],
        isFinal,
        timestamp: now,
        beginTime: Math.max(0, now - startTime - 1500 - text.length * 40),
        endTime: Math.max(0, now - startTime),
      };
      if (speaker !== undefined) data['participantID'] = speaker;
      publisher.subtitle(data);
    },
    end() {
      if (isEnded(state)) return;
      speakerPushes.cancel();
      publisher.flushHeld();
      state.dynamic['state'] = 'Destroyed';
      state.dynamic['endTime'] = String(clock.now());
      // §8: the Destroyed push goes first, then every socket is closed with 4004.
      pushDynamic();
      for (const session of [...sessions])
        session.close(CLOSE.conferenceEnded.code, CLOSE.conferenceEnded.reason);
      for (const callback of endCallbacks.splice(0)) callback();
    },
    connections: () => [...sessions].filter((s) => s.isOpen()).length,
    onFrameSent(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    faults: createFaultControls(faults, {
      conferenceId,
      sockets: () => sessions,
      now: () => clock.now(),
      nextMsgId,
    }),
  };

  return {
    controls,
    state,
    faults,
    accept(ws) {
      const session = createSocketSession(ws, {
        conferenceId,
        clock,
        heartbeatTimeoutMs: options.heartbeatTimeoutMs,
        faults,
        findControlToken: (presented) => tokens.findControlToken(presented),
        snapshot,
        startCaptions: () => {
          if (!isEnded(state)) controls.startCaptions();
        },
        frameSent: (text) => {
          for (const listener of [...frameListeners]) listener(text);
        },
        detach: (s) => sessions.delete(s),
      });
      sessions.add(session);
    },
    ended: () => isEnded(state),
    onEnd(callback) {
      endCallbacks.push(callback);
    },
    addAttendee() {
      assertRunning();
      const person = state.people.next(prng.chance(0.2) ? 'terminal' : 'normal');
      const record = attendeeRecord(prng, person, false);
      state.attendees.set(person.userUUID, record);
      publisher.incremental('AttendeesNotify', { data: [{ mode: 0, ...record }] });
      return { name: person.name, phone: person.phone };
    },
    reportNetCondition(pid) {
      assertRunning();
      const record = netConditionRecord(prng, pid);
      state.netConditions.set(pid, record);
      publisher.incremental('NetConditionNotify', { data: [{ mode: 0, ...record }] });
    },
    setInterpreterGroups(groups) {
      assertRunning();
      state.interpreterGroups = structuredClone(groups);
      publisher.full('InterpreterGroupNotify', { interpreterGroups: structuredClone(groups) });
    },
    shutdown() {
      speakerPushes.cancel();
      for (const callback of endCallbacks.splice(0)) callback();
      for (const session of [...sessions]) session.closeNow(CLOSE.bye.code, CLOSE.bye.reason);
    },
  };
}
