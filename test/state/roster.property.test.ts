import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParticipantItem, ParticipantsNotify } from '../../src/protocol/messages.js';
import type { Participant } from '../../src/state/participant.js';
import { ParticipantRecord } from '../../src/state/participant.js';
import type { Roster, RosterEvent, RosterState } from '../../src/state/roster.js';
import { applyParticipants, initialRosterState } from '../../src/state/roster.js';
import { participants } from './fixtures.js';
import type { RefEvent, RefState } from './reference-model.js';
import { refApply, refInitial, refParticipant } from './reference-model.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 200);

const DANGEROUS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const pidArb = fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', '7', ...DANGEROUS);
const keyArb = fc.constantFrom(
  'NAME',
  'ROLE',
  'STATE',
  'HAND',
  'MUTE',
  'VIDEO',
  'ADDTIME',
  'CLIENT_LOGIN_TYPE',
  'CLICENT_LOGIN_TYPE',
  'VIEW_TYPE',
  'IS_COHOST',
  'X_FUTURE',
  '12',
  ...DANGEROUS,
);
const valueArb = fc.constantFrom('0', '1', '2', '', 'Desktop', 'Mobile', '1767257415022', 'x y', '__proto__');

/** pinfoMaps as a decoder may build them: ordinary or prototype-free objects, keys as own data. */
const pinfoArb = fc
  .tuple(fc.array(fc.tuple(keyArb, valueArb), { maxLength: 6 }), fc.boolean())
  .map(([entries, bare]) => {
    const target: Record<string, string> = bare ? Object.create(null) : {};
    for (const [key, value] of entries) {
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return target;
  });

const itemArb: fc.Arbitrary<ParticipantItem> = fc.record({
  pid: pidArb,
  mode: fc.constantFrom<0 | 1>(0, 0, 0, 1),
  pinfoMap: pinfoArb,
});

/** A step: a full message, or an incremental one whose version moves by `delta` (dups, stale, gaps). */
const stepArb = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      full: fc.constant(true),
      delta: fc.constant(0),
      items: fc.array(itemArb, { maxLength: 6 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      full: fc.constant(false),
      delta: fc.constantFrom(-2, -1, 0, 1, 1, 1, 1, 2, 5),
      items: fc.array(itemArb, { maxLength: 4 }),
    }),
  },
);

function toMessages(
  steps: { full: boolean; delta: number; items: ParticipantItem[] }[],
): ParticipantsNotify[] {
  let version = 10;
  return steps.map((step, i) => {
    if (step.full) return participants(0, 1_767_258_002_000 + i, step.items);
    version += step.delta;
    return participants(1, version, step.items);
  });
}

/** A participant as plain data (typed fields and raw), for comparison with the model. */
function plain(p: Participant): Record<string, unknown> {
  const { joinedAt, raw, ...fields } = p.toJSON();
  expect(joinedAt instanceof Date ? joinedAt.getTime() : undefined).toBe(p.joinedAtMs);
  expect(raw).toEqual(Object.fromEntries(p.raw));
  return { ...fields, raw: Object.fromEntries(p.raw) };
}

function plainRoster(roster: Roster): [string, Record<string, unknown>][] {
  return [...roster].map(([pid, p]) => [pid, plain(p)] as [string, Record<string, unknown>]).sort(byKey);
}

function refRoster(state: RefState): [string, Record<string, unknown>][] {
  return [...state.roster]
    .map(([pid, raw]) => [pid, refParticipant(pid, raw)] as [string, Record<string, unknown>])
    .sort(byKey);
}

const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function plainEvent(e: RosterEvent) {
  if (e.type === 'joined') return { type: e.type, pid: e.pid, after: plain(e.after) };
  if (e.type === 'left') return { type: e.type, pid: e.pid, before: plain(e.before) };
  return {
    type: e.type,
    pid: e.pid,
    changed: [...e.changed].sort(),
    before: plain(e.before),
    after: plain(e.after),
  };
}

function refEvent(e: RefEvent) {
  const out: Record<string, unknown> = { type: e.type, pid: e.pid };
  if (e.changed) out.changed = [...e.changed].sort();
  if (e.before) out.before = refParticipant(e.pid, e.before);
  if (e.after) out.after = refParticipant(e.pid, e.after);
  return out;
}

function objectPrototypeFingerprint(): string {
  return JSON.stringify([
    Object.getOwnPropertyNames(Object.prototype).sort(),
    Object.getOwnPropertyNames(ParticipantRecord.prototype).sort(),
    Object.getOwnPropertyNames(Map.prototype).sort(),
  ]);
}

describe('roster fold against the reference model', () => {
  it('agrees with the model on roster, events, warnings and versions for random message runs', () => {
    const fingerprint = objectPrototypeFingerprint();
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 20 }), (steps) => {
        let state: RosterState = initialRosterState();
        let model: RefState = refInitial;
        for (const message of toMessages(steps)) {
          const update = applyParticipants(state, message);
          const expected = refApply(model, message);
          expect(update.warnings.map((w) => w.code)).toEqual(expected.warnings);
          expect(update.events.map(plainEvent)).toEqual(expected.events.map(refEvent));
          expect(plainRoster(update.roster)).toEqual(refRoster(expected.state));
          expect(update.roster.size).toBe(expected.state.roster.size);
          expect(update.initialized).toBe(expected.state.initialized);
          expect(update.lastVersion).toBe(expected.state.lastVersion);
          state = update;
          model = expected.state;
        }
        // Never a prototype-polluting effect, whatever the keys or pids.
        expect(objectPrototypeFingerprint()).toBe(fingerprint);
        expect(({} as Record<string, unknown>).NAME).toBeUndefined();
        for (const p of state.roster.values())
          expect(Object.getPrototypeOf(p)).toBe(ParticipantRecord.prototype);
      }),
      { numRuns },
    );
  });

  it('every emitted roster stays valid: re-read later, each equals what it was when emitted', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (steps, reads) => {
          const history: { roster: Roster; plain: [string, Record<string, unknown>][] }[] = [];
          let state: RosterState = initialRosterState();
          for (const message of toMessages(steps)) {
            state = applyParticipants(state, message);
            history.push({ roster: state.roster, plain: plainRoster(state.roster) });
          }
          if (history.length === 0) return;
          for (const r of reads) {
            const entry = history[r % history.length];
            if (entry) expect(plainRoster(entry.roster)).toEqual(entry.plain);
          }
        },
      ),
      { numRuns },
    );
  });

  it('dangerous keys are data: raw keeps them and typed fields ignore them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DANGEROUS), valueArb, (key, value) => {
        const pinfo = JSON.parse(`{"NAME":"Ann",${JSON.stringify(key)}:${JSON.stringify(value)}}`);
        const state = applyParticipants(
          initialRosterState(),
          participants(0, 1, [{ pid: key, mode: 0, pinfoMap: pinfo }]),
        );
        const p = state.roster.get(key);
        expect(p?.raw.get(key)).toBe(value);
        expect(p?.name).toBe('Ann');
        expect(Object.getPrototypeOf(p)).toBe(ParticipantRecord.prototype);
        expect(Object.getPrototypeOf(p?.toJSON().raw)).toBeNull();
        const merged = applyParticipants(state, participants(1, 2, [{ pid: key, mode: 0, pinfoMap: pinfo }]));
        expect(merged.roster.get(key)?.raw.get(key)).toBe(value);
        expect(({} as Record<string, unknown>)[key === '__proto__' ? 'NAME' : key]).not.toBe(value);
      }),
      { numRuns: Math.min(numRuns, 100) },
    );
  });
});
