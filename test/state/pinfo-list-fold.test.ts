import { describe, expect, it } from 'vitest';
import { ParticipantRecord } from '../../src/state/participant.js';
import { PersistentMap } from '../../src/state/persistent-map.js';
import type { PinfoListResult } from '../../src/state/pinfo-list-fold.js';
import { foldPinfoList } from '../../src/state/pinfo-list-fold.js';
import type { PinfoView } from '../../src/state/pinfo-view.js';
import { delta, fullRoster, item, person, removal } from './fixtures.js';

const make = (pid: string, raw: PinfoView) => new ParticipantRecord(pid, raw);
type State = Pick<PinfoListResult<ParticipantRecord>, 'items' | 'initialized' | 'lastVersion'>;
const empty: State = { items: PersistentMap.empty(), initialized: false, lastVersion: undefined };
const fold = (state: State, message: Parameters<typeof foldPinfoList>[3]) =>
  foldPinfoList(state.items, state.initialized, state.lastVersion, message, make);

describe('foldPinfoList', () => {
  it('a dropped message is neither full nor changed and has no events', () => {
    const at3 = fold(empty, delta(3, [item('a', person('Ann'))]));
    const dropped = fold(at3, delta(3, [removal('a')]));
    expect(dropped).toMatchObject({ full: false, changed: false, events: [], lastVersion: 3 });
    expect(dropped.items).toBe(at3.items);
  });

  it('item warnings name the push, the version and the pid', () => {
    const update = fold(empty, delta(2, [removal('zz'), item('x', { HAND: '1' })]));
    expect(update.warnings).toEqual([
      {
        code: 'UNKNOWN_REMOVE',
        action: 'ParticipantsNotify',
        version: 2,
        id: 'zz',
        message: 'ParticipantsNotify: remove of unknown pid zz',
      },
      {
        code: 'UPDATE_UNKNOWN_WITHOUT_NAME',
        action: 'ParticipantsNotify',
        version: 2,
        id: 'x',
        message: 'ParticipantsNotify: update of unknown pid x without NAME; created it',
      },
    ]);
  });

  it('an inherited NAME does not count as a name', () => {
    const pinfoMap = Object.create({ NAME: 'inherited' }) as Record<string, string>;
    pinfoMap.HAND = '1';
    const update = fold(empty, delta(1, [item('x', pinfoMap)]));
    expect(update.warnings.map((w) => w.code)).toEqual(['UPDATE_UNKNOWN_WITHOUT_NAME']);
    expect(update.items.get('x')?.name).toBeUndefined();
  });

  it('an incremental value that is not a string is no change', () => {
    const first = fold(empty, fullRoster([item('a', person('Ann'))]));
    const odd = fold(first, delta(1, [item('a', { HAND: 1 as unknown as string })]));
    expect(odd.events).toEqual([]);
    expect(odd.changed).toBe(false);
    expect(odd.items).toBe(first.items);
  });

  it('a pid listed twice in a full message gets both, later keys winning; a resync diffs the merge', () => {
    const first = fold(
      empty,
      fullRoster([item('a', { NAME: 'Ann', HAND: '0' }), item('a', { HAND: '1', MUTE: '1' })]),
    );
    expect(Object.fromEntries(first.items.get('a')?.raw ?? [])).toEqual({
      NAME: 'Ann',
      HAND: '1',
      MUTE: '1',
    });
    const resync = fold(
      first,
      fullRoster([item('a', { NAME: 'Ann', HAND: '1' }), item('a', { MUTE: '0' })], 2),
    );
    expect(resync.events).toMatchObject([{ type: 'updated', pid: 'a', changed: ['MUTE'] }]);
    const again = fold(
      resync,
      fullRoster([item('a', { NAME: 'Ann' }), item('a', { HAND: '1', MUTE: '0' })], 3),
    );
    expect(again.events).toEqual([]);
    expect(again.changed).toBe(false);
    expect(again.items).toBe(resync.items);
  });
});
