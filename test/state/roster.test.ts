import { describe, expect, it } from 'vitest';
import type { RosterEvent, RosterState, RosterUpdate } from '../../src/state/roster.js';
import { applyParticipants, initialRosterState } from '../../src/state/roster.js';
import { delta, fullRoster, item, person, removal } from './fixtures.js';

const names = (state: RosterState) => [...state.roster.values()].map((p) => p.name ?? `(${p.pid})`).sort();
const summary = (events: readonly RosterEvent[]) =>
  events.map((e) =>
    e.type === 'updated' ? `updated ${e.pid} ${e.changed.join(',')}` : `${e.type} ${e.pid}`,
  );
const codes = (update: RosterUpdate) => update.warnings.map((w) => w.code);

function snapshot(): RosterUpdate {
  return applyParticipants(
    initialRosterState(),
    fullRoster([item('a', person('Ann')), item('b', person('Bob')), item('c', person('Cy'))]),
  );
}

describe('applyParticipants: full messages', () => {
  it('the initial snapshot fills the roster and fires no events', () => {
    const update = snapshot();
    expect(names(update)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(update.events).toEqual([]);
    expect(update.warnings).toEqual([]);
    expect(update).toMatchObject({ initialized: true, full: true, changed: true });
  });

  it('a later full message replaces the roster and reports only real differences', () => {
    const first = snapshot();
    const resync = applyParticipants(
      first,
      fullRoster([
        item('a', person('Ann')),
        item('b', person('Bob', { MUTE: '1' })),
        item('d', person('Dee')),
      ]),
    );
    expect(names(resync)).toEqual(['Ann', 'Bob', 'Dee']);
    expect(summary(resync.events)).toEqual(['updated b MUTE', 'joined d', 'left c']);
    // An unchanged person keeps its object.
    expect(resync.roster.get('a')).toBe(first.roster.get('a'));
  });

  it('a resync identical to what is held fires nothing', () => {
    const first = snapshot();
    const again = applyParticipants(
      first,
      fullRoster([item('c', person('Cy')), item('b', person('Bob')), item('a', person('Ann'))]),
    );
    expect(again.events).toEqual([]);
    expect(again.roster.get('b')).toBe(first.roster.get('b'));
    // Nothing differs: the held roster itself is kept, so no new snapshot is emitted downstream.
    expect(again.roster).toBe(first.roster);
    expect(again).toMatchObject({ full: true, changed: false, lastVersion: undefined });
  });

  it('a full message drops keys it no longer carries, reported as changed', () => {
    const first = applyParticipants(
      initialRosterState(),
      fullRoster([item('a', { NAME: 'Ann', EXTRA: '1' })]),
    );
    const resync = applyParticipants(first, fullRoster([item('a', { NAME: 'Ann' })]));
    expect(resync.roster.get('a')?.raw.has('EXTRA')).toBe(false);
    expect(summary(resync.events)).toEqual(['updated a EXTRA']);
  });

  it('an empty full message empties the roster (resync: everyone left)', () => {
    const cleared = applyParticipants(snapshot(), fullRoster([]));
    expect(cleared.roster.size).toBe(0);
    expect(summary(cleared.events)).toEqual(['left a', 'left b', 'left c']);
  });
});

describe('applyParticipants: incremental messages', () => {
  it('merges the changed keys into the participant (mode 0)', () => {
    const update = applyParticipants(snapshot(), delta(3, [item('a', { HAND: '1' })]));
    const ann = update.roster.get('a');
    expect(ann?.handRaised).toBe(true);
    expect(ann?.name).toBe('Ann');
    expect(ann?.muted).toBe(false);
    expect(update.events).toHaveLength(1);
    const event = update.events[0];
    expect(event?.type).toBe('updated');
    if (event?.type === 'updated') {
      expect(event.changed).toEqual(['HAND']);
      expect(event.before.handRaised).toBe(false);
      expect(event.after.handRaised).toBe(true);
    }
  });

  it('removes a participant (mode 1) and reports who left', () => {
    const update = applyParticipants(snapshot(), delta(3, [removal('b')]));
    expect(names(update)).toEqual(['Ann', 'Cy']);
    expect(update.events).toMatchObject([{ type: 'left', pid: 'b' }]);
    if (update.events[0]?.type === 'left') expect(update.events[0].before.name).toBe('Bob');
  });

  it('the §6.5 incremental example: a hand goes up and someone leaves', () => {
    const update = applyParticipants(snapshot(), delta(3, [item('a', { HAND: '1' }), removal('c')]));
    expect(summary(update.events)).toEqual(['updated a HAND', 'left c']);
  });

  it('creates an unknown pid on update, with a warning when it has no NAME', () => {
    const named = applyParticipants(snapshot(), delta(3, [item('n', person('New'))]));
    expect(named.warnings).toEqual([]);
    expect(summary(named.events)).toEqual(['joined n']);
    const nameless = applyParticipants(snapshot(), delta(3, [item('x', { HAND: '1' })]));
    expect(codes(nameless)).toEqual(['UPDATE_UNKNOWN_WITHOUT_NAME']);
    expect(nameless.warnings[0]).toMatchObject({ id: 'x', action: 'ParticipantsNotify', version: 3 });
    expect(nameless.roster.get('x')?.handRaised).toBe(true);
    expect(summary(nameless.events)).toEqual(['joined x']);
  });

  it('warns on removal of an unknown pid and changes nothing', () => {
    const before = snapshot();
    const update = applyParticipants(before, delta(3, [removal('zz')]));
    expect(codes(update)).toEqual(['UNKNOWN_REMOVE']);
    expect(update.events).toEqual([]);
    expect(update.changed).toBe(false);
    expect(update.roster).toBe(before.roster);
  });

  it('an update that changes no value fires no event', () => {
    const update = applyParticipants(snapshot(), delta(3, [item('a', { NAME: 'Ann', HAND: '0' })]));
    expect(update.events).toEqual([]);
    expect(update.changed).toBe(false);
  });

  it('items of one message apply in order (join then leave)', () => {
    const update = applyParticipants(snapshot(), delta(3, [item('n', person('New')), removal('n')]));
    expect(summary(update.events)).toEqual(['joined n', 'left n']);
    expect(update.roster.has('n')).toBe(false);
  });

  it('incrementals before any full message apply to an empty roster, then the snapshot fires nothing', () => {
    const early = applyParticipants(initialRosterState(), delta(1, [item('a', person('Ann'))]));
    expect(early.initialized).toBe(false);
    expect(summary(early.events)).toEqual(['joined a']);
    const snap = applyParticipants(early, fullRoster([item('a', person('Ann')), item('b', person('Bob'))]));
    expect(snap.events).toEqual([]);
    expect(names(snap)).toEqual(['Ann', 'Bob']);
  });

  it('is pure: the previous state and its roster are untouched', () => {
    const before = snapshot();
    applyParticipants(before, delta(3, [item('a', { HAND: '1' }), removal('b')]));
    expect(names(before)).toEqual(['Ann', 'Bob', 'Cy']);
    expect(before.roster.get('a')?.handRaised).toBe(false);
    expect(before.roster.size).toBe(3);
  });
});

describe('applyParticipants: versions (§6.0)', () => {
  it('drops a duplicate and a stale incremental version with a warning', () => {
    const at5 = applyParticipants(snapshot(), delta(5, [item('a', { HAND: '1' })]));
    const dup = applyParticipants(at5, delta(5, [item('a', { HAND: '0' })]));
    expect(codes(dup)).toEqual(['DUPLICATE_VERSION']);
    expect(dup.roster).toBe(at5.roster);
    expect(dup.changed).toBe(false);
    const stale = applyParticipants(at5, delta(4, [removal('a')]));
    expect(codes(stale)).toEqual(['STALE_VERSION']);
    expect(stale.warnings[0]).toMatchObject({ version: 4, lastVersion: 5 });
    expect(stale.roster.has('a')).toBe(true);
  });

  it('applies a message after a gap and reports the gap', () => {
    const at5 = applyParticipants(snapshot(), delta(5, []));
    const gap = applyParticipants(at5, delta(9, [item('a', { MUTE: '1' })]));
    expect(codes(gap)).toEqual(['VERSION_GAP']);
    expect(gap.warnings[0]).toMatchObject({ version: 9, lastVersion: 5 });
    expect(gap.roster.get('a')?.muted).toBe(true);
    expect(gap.lastVersion).toBe(9);
  });

  it('accepts any first incremental version, and after a full message starts over', () => {
    const first = applyParticipants(snapshot(), delta(39, []));
    expect(first.warnings).toEqual([]);
    const resync = applyParticipants(first, fullRoster([item('a', person('Ann'))]));
    expect(resync.lastVersion).toBeUndefined();
    // A counter reset after reconnecting (§9.5 unknown) must not be taken for a stale message.
    const afterReset = applyParticipants(resync, delta(1, [item('a', { HAND: '1' })]));
    expect(afterReset.warnings).toEqual([]);
    expect(afterReset.roster.get('a')?.handRaised).toBe(true);
  });
});
