import { describe, expect, it } from 'vitest';
import { applyWaitingList, initialWaitingRoomState } from '../../src/state/waiting-room.js';
import { waiting } from './fixtures.js';

const guest = {
  NAME: 'Guest 7',
  ANONYMOUS: '1',
  CLIENT_LOGIN_TYPE: 'Desktop',
  ADDTIME: '1767258300550',
  WAITINGSTATE: '0',
};

describe('applyWaitingList', () => {
  it('folds the §6.11 example (incremental, version 2, before any full message)', () => {
    const update = applyWaitingList(
      initialWaitingRoomState(),
      waiting(1, 2, [{ pid: 'w4e6', mode: 0, delType: 0, pinfoMap: guest }]),
    );
    expect(update.warnings).toEqual([]);
    expect(update.events).toMatchObject([{ type: 'joined', pid: 'w4e6' }]);
    const person = update.waitingRoom.get('w4e6');
    expect(person?.toJSON()).toMatchObject({
      name: 'Guest 7',
      anonymous: true,
      clientType: 'desktop',
      addedAtMs: 1767258300550,
      waitingState: 'waiting',
    });
    expect(person?.addedAt).toEqual(new Date(1767258300550));
  });

  it('merges a state change, removes, and warns on unknown removal', () => {
    const s1 = applyWaitingList(
      initialWaitingRoomState(),
      waiting(0, 1_767_258_300_000, [{ pid: 'w', mode: 0, pinfoMap: guest }]),
    );
    expect(s1.events).toEqual([]);
    const s2 = applyWaitingList(s1, waiting(1, 3, [{ pid: 'w', mode: 0, pinfoMap: { WAITINGSTATE: '1' } }]));
    expect(s2.waitingRoom.get('w')?.waitingState).toBe('admitted');
    expect(s2.waitingRoom.get('w')?.name).toBe('Guest 7');
    expect(s2.events).toMatchObject([{ type: 'updated', changed: ['WAITINGSTATE'] }]);
    const s3 = applyWaitingList(
      s2,
      waiting(1, 4, [
        { pid: 'w', mode: 1, delType: 0, pinfoMap: {} },
        { pid: 'q', mode: 1, pinfoMap: {} },
      ]),
    );
    expect(s3.waitingRoom.size).toBe(0);
    expect(s3.events).toMatchObject([{ type: 'left', pid: 'w' }]);
    expect(s3.warnings.map((w) => w.code)).toEqual(['UNKNOWN_REMOVE']);
    expect(s3.warnings[0]?.action).toBe('WaitingListNotify');
  });

  it('drops a duplicate version and diffs a resync', () => {
    const s1 = applyWaitingList(
      initialWaitingRoomState(),
      waiting(1, 5, [{ pid: 'a', mode: 0, pinfoMap: guest }]),
    );
    const dup = applyWaitingList(s1, waiting(1, 5, [{ pid: 'b', mode: 0, pinfoMap: guest }]));
    expect(dup.warnings.map((w) => w.code)).toEqual(['DUPLICATE_VERSION']);
    expect(dup.waitingRoom.has('b')).toBe(false);
    const snap = applyWaitingList(
      s1,
      waiting(0, 1_767_258_400_000, [{ pid: 'a', mode: 0, pinfoMap: guest }]),
    );
    expect(snap.events).toEqual([]);
    const resync = applyWaitingList(
      snap,
      waiting(0, 1_767_258_500_000, [{ pid: 'b', mode: 0, pinfoMap: guest }]),
    );
    expect(resync.events.map((e) => `${e.type} ${e.pid}`)).toEqual(['joined b', 'left a']);
  });

  it('maps unknown WAITINGSTATE values to unknown', () => {
    const s = applyWaitingList(
      initialWaitingRoomState(),
      waiting(1, 1, [{ pid: 'a', mode: 0, pinfoMap: { NAME: 'A', WAITINGSTATE: '4' } }]),
    );
    expect(s.waitingRoom.get('a')?.waitingState).toBe('unknown');
    expect(s.waitingRoom.get('a')?.raw.get('WAITINGSTATE')).toBe('4');
  });
});

describe('initialWaitingRoomState', () => {
  it('is empty and not initialized', () => {
    const initial = initialWaitingRoomState();
    expect(initial.waitingRoom.size).toBe(0);
    expect(initial.initialized).toBe(false);
    expect(initial.lastVersion).toBeUndefined();
  });
});
