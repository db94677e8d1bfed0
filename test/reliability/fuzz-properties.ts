/**
 * Fuzz properties (issue 6 §2), shared by the CI test (few runs) and `npm run soak` (≥ 100,000 runs):
 * text in → `decodeServerFrame` → the state folds, checked for three things:
 * - nothing ever throws (§6.13: a bad frame must not break anything);
 * - no key (`__proto__`, `constructor`, `prototype` in `pinfoMap`, pids, envelopes) ever reaches a
 *   prototype;
 * - the roster fold agrees with the simple reference model of test/state/reference-model.ts on every
 *   decoded ParticipantsNotify.
 */
import fc from 'fast-check';
import { decodeServerFrame } from '../../src/protocol/decode-server-frame.js';
import type { ParticipantsNotify, ServerFrame } from '../../src/protocol/messages.js';
import { type AttendeesState, applyAttendees, initialAttendeesState } from '../../src/state/attendees.js';
import {
  applyMeetingInfo,
  initialMeetingInfoState,
  type MeetingInfoState,
} from '../../src/state/meeting-state.js';
import { ParticipantRecord } from '../../src/state/participant.js';
import { applyParticipants, initialRosterState, type RosterState } from '../../src/state/roster.js';
import {
  applyWaitingList,
  initialWaitingRoomState,
  type WaitingRoomState,
} from '../../src/state/waiting-room.js';
import { type RefState, refApply, refInitial } from '../state/reference-model.js';

/** Keys that would touch a prototype if written with plain assignment. */
export const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Runs per property: `FC_NUM_RUNS`, else `fallback`. */
export function numRunsFromEnv(fallback: number): number {
  const value = Number(process.env.FC_NUM_RUNS);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A snapshot of every prototype a polluting write could reach. */
export function prototypeFingerprint(): string {
  return JSON.stringify(
    [Object.prototype, Array.prototype, Function.prototype, Map.prototype, ParticipantRecord.prototype].map(
      (proto) => Object.getOwnPropertyNames(proto).sort(),
    ),
  );
}

/** Whether a write through some `__proto__` reached `Object.prototype`. */
export function isPolluted(): boolean {
  const probe = {} as Record<string, unknown>;
  return probe.polluted !== undefined || probe.NAME !== undefined || probe.pid !== undefined;
}

const ACTIONS = [
  'ParticipantsNotify',
  'WaitingListNotify',
  'AttendeesNotify',
  'ConfBasicInfoNotify',
  'ConfDynamicInfoNotify',
  'SpeakerChangeNotify',
  'NetConditionNotify',
  'InviteResultNotify',
  'RealTimeSubtitleNotify',
  'InterpreterGroupNotify',
  'Subscribe',
  'HeartBeat',
  'CustomMultiPicNotify',
  ...DANGEROUS_KEYS,
];

const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DANGEROUS_KEYS) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('NAME', 'ROLE', 'MUTE', 'HAND', 'STATE', ' NAME', 'userUUID', 'pid'),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

/** Anything JSON can hold, small; objects may carry dangerous keys. */
const looseValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.constantFrom(0, 1, '0', '1', null, true, -1, 1e21, '12345678901234567890'),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(keyArb, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** A pinfoMap: mostly strings (as documented), sometimes not; dangerous keys often. */
const pinfoArb = fc.dictionary(
  keyArb,
  fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('0', '1', 'Ann', 'polluted', '') },
    { weight: 1, arbitrary: looseValue },
  ),
  { maxKeys: 5 },
);

const itemArb = fc.record(
  {
    pid: fc.oneof(fc.constantFrom('p1', 'p2', 'p3', ...DANGEROUS_KEYS), fc.integer({ min: 0, max: 3 })),
    mode: fc.constantFrom(0, 0, 1, '0', '1', 2, null),
    pinfoMap: pinfoArb,
    userUUID: fc.constantFrom('u1', 'u2', '__proto__'),
    name: fc.constantFrom('Ann', 'constructor'),
  },
  { requiredKeys: ['pid', 'mode', 'pinfoMap'] },
);

/** Frames that look like pushes, with wrong types, dangerous keys and unknown fields mixed in. */
const frameObjectArb = fc
  .record(
    {
      action: fc.constantFrom(...ACTIONS),
      confID: fc.constantFrom('913570246', '', 913570246),
      msgMode: fc.constantFrom(0, 1, '0', '1', 2),
      version: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom('7', 'x', null)),
      createTime: fc.constantFrom(1767258002000, '1767258002000'),
      msgID: fc.constant('0123456789abcdef0123456789abcdef'),
      data: fc.oneof(
        { weight: 4, arbitrary: fc.array(itemArb, { maxLength: 4 }) },
        { weight: 1, arbitrary: looseValue },
      ),
      extra: fc.dictionary(keyArb, looseValue, { maxKeys: 2 }),
    },
    { requiredKeys: ['action'] },
  )
  .map(({ extra, ...frame }) => ({ ...extra, ...frame }));

/** ParticipantsNotify in the documented shape, so the model comparison gets plenty to compare. */
const participantsArb = fc.record({
  action: fc.constant('ParticipantsNotify'),
  confID: fc.constant('913570246'),
  msgMode: fc.constantFrom(0, 1, 1, 1),
  version: fc.integer({ min: 1, max: 8 }),
  createTime: fc.constant(1767258002000),
  msgID: fc.constant('0123456789abcdef0123456789abcdef'),
  data: fc.array(
    fc.record({
      pid: fc.constantFrom('p1', 'p2', 'p3', ...DANGEROUS_KEYS),
      mode: fc.constantFrom(0, 0, 0, 1),
      pinfoMap: fc.dictionary(keyArb, fc.constantFrom('0', '1', 'Ann', ''), { maxKeys: 4 }),
    }),
    { maxLength: 4 },
  ),
});

/**
 * Text frames: valid JSON of frame-like objects (serialised so that a `__proto__` key is an own key
 * of the text, as an attacker would send it), arbitrary JSON, and arbitrary text.
 */
export const frameTextArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: frameObjectArb.map((frame) => JSON.stringify(frame)) },
  { weight: 4, arbitrary: participantsArb.map((frame) => JSON.stringify(frame)) },
  { weight: 1, arbitrary: fc.json() },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"action":"ParticipantsNotify","msgMode":0,"version":1,"createTime":1,"confID":"1","data":[{"pid":"p1","mode":0,"pinfoMap":{"__proto__":{"polluted":"yes"},"NAME":"x"}}]}',
      '{"action":"__proto__","__proto__":{"polluted":"yes"}}',
      '{"action":"ConfBasicInfoNotify","msgMode":0,"version":1,"createTime":1,"confID":"1","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}',
    ),
  },
);

/** The folds, run side by side over a sequence of decoded frames. */
interface FoldStates {
  roster: RosterState;
  model: RefState;
  waiting: WaitingRoomState;
  attendees: AttendeesState;
  info: MeetingInfoState;
}

/** Whether the fold's roster holds exactly the model's people with exactly the model's raw keys. */
function agreesWithModel(state: RosterState, model: RefState): boolean {
  if (state.roster.size !== model.roster.size) return false;
  for (const [pid, raw] of model.roster) {
    const person = state.roster.get(pid);
    if (person === undefined) return false;
    const keys = Object.keys(raw);
    if (person.raw.size !== keys.length) return false;
    for (const key of keys) if (person.raw.get(key) !== raw[key]) return false;
  }
  return true;
}

function foldOne(states: FoldStates, frame: ServerFrame): void {
  switch (frame.action) {
    case 'ParticipantsNotify': {
      const message: ParticipantsNotify = frame;
      states.roster = applyParticipants(states.roster, message);
      states.model = refApply(states.model, message).state;
      if (!agreesWithModel(states.roster, states.model)) {
        throw new Error('the roster fold disagrees with the reference model');
      }
      break;
    }
    case 'WaitingListNotify':
      states.waiting = applyWaitingList(states.waiting, frame);
      break;
    case 'AttendeesNotify':
      states.attendees = applyAttendees(states.attendees, frame);
      break;
    case 'ConfBasicInfoNotify':
    case 'ConfDynamicInfoNotify':
      states.info = applyMeetingInfo(states.info, frame);
      break;
    default:
      break;
  }
}

/** One named property, ready for `fc.assert`. */
export interface FuzzProperty {
  readonly name: string;
  readonly property: fc.IProperty<never>;
}

/** Throws if a prototype changed or `{}` picked up a polluting key. */
function assertClean(fingerprint: string): void {
  if (isPolluted()) throw new Error('Object.prototype was polluted');
  if (prototypeFingerprint() !== fingerprint) throw new Error('a prototype gained or lost a property');
}

/** The issue 6 fuzz properties. */
export function fuzzProperties(): FuzzProperty[] {
  const fingerprint = prototypeFingerprint();
  const decodeNeverThrows = fc.property(frameTextArb, (text) => {
    const result = decodeServerFrame(text);
    if (result._tag !== 'Left' && result._tag !== 'Right') throw new Error('not an Either');
    if (result._tag === 'Left' && typeof result.left.message !== 'string') throw new Error('no message');
    assertClean(fingerprint);
  });
  const foldsAgreeAndStayClean = fc.property(fc.array(frameTextArb, { maxLength: 8 }), (texts) => {
    const states: FoldStates = {
      roster: initialRosterState(),
      model: refInitial,
      waiting: initialWaitingRoomState(),
      attendees: initialAttendeesState(),
      info: initialMeetingInfoState(),
    };
    for (const text of texts) {
      const decoded = decodeServerFrame(text);
      if (decoded._tag === 'Right') foldOne(states, decoded.right);
    }
    for (const participant of states.roster.roster.values()) {
      if (Object.getPrototypeOf(participant) !== ParticipantRecord.prototype) {
        throw new Error('a participant lost its prototype');
      }
    }
    assertClean(fingerprint);
  });
  return [
    { name: 'decodeServerFrame never throws and never pollutes', property: decodeNeverThrows as never },
    {
      name: 'decode → folds: never a throw, never a polluted prototype, roster agrees with the model',
      property: foldsAgreeAndStayClean as never,
    },
  ];
}
