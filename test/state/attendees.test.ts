import { describe, expect, it } from 'vitest';
import { applyAttendees, attendeeId, initialAttendeesState } from '../../src/state/attendees.js';
import { attendees } from './fixtures.js';

const kenji = {
  mode: 0 as const,
  userUUID: '0c4e',
  name: 'Kenji Sato',
  phone: '+99111283401937265',
  accountId: 'kenji.sato',
  role: 1,
  isMute: 0,
  isAutoInvite: 1,
  type: 'normal',
  deptName: 'Platform',
  orgID: '70315',
};
const room = {
  mode: 0 as const,
  userUUID: '9d7b',
  name: 'Meeting room 4B',
  phone: '+99111283401937301',
  role: 0,
  isMute: 1,
  type: 'terminal',
};

describe('applyAttendees', () => {
  it('folds the §6.6 example as the initial snapshot (no events)', () => {
    const update = applyAttendees(initialAttendeesState(), attendees(0, 1_767_258_002_022, [kenji, room]));
    expect(update.events).toEqual([]);
    expect(update.attendees.size).toBe(2);
    expect(update.attendees.get('0c4e')).toMatchObject({
      id: '0c4e',
      name: 'Kenji Sato',
      role: 'host',
      muteOnJoin: false,
      autoInvite: true,
      type: 'normal',
      orgID: '70315',
    });
    expect(update.attendees.get('9d7b')).toMatchObject({ role: 'participant', muteOnJoin: true });
    expect(update.attendees.get('0c4e')?.raw).not.toHaveProperty('mode');
  });

  it('identity is userUUID, then participantID, then phone', () => {
    expect(attendeeId({ userUUID: 'u', participantID: 'p', phone: '1' })).toBe('u');
    expect(attendeeId({ userUUID: '', participantID: 'p', phone: '1' })).toBe('p');
    expect(attendeeId({ phone: '1' })).toBe('1');
    expect(attendeeId({})).toBeUndefined();
  });

  it('merges incremental fields, removes, and warns on items without identity', () => {
    const s1 = applyAttendees(initialAttendeesState(), attendees(0, 1, [kenji]));
    const s2 = applyAttendees(
      s1,
      attendees(1, 7, [
        { mode: 0, userUUID: '0c4e', isMute: 1 },
        { mode: 0, phone: '+4420', name: 'Dial-in' },
        { mode: 0, name: 'nobody' },
      ]),
    );
    expect(s2.attendees.get('0c4e')).toMatchObject({ name: 'Kenji Sato', muteOnJoin: true });
    expect(s2.attendees.get('+4420')?.name).toBe('Dial-in');
    expect(s2.events.map((e) => e.type)).toEqual(['updated', 'added']);
    expect(s2.events[0]).toMatchObject({ changed: ['isMute'] });
    expect(s2.warnings.map((w) => w.code)).toEqual(['ATTENDEE_WITHOUT_ID']);
    const s3 = applyAttendees(
      s2,
      attendees(1, 8, [
        { mode: 1, userUUID: '0c4e' },
        { mode: 1, userUUID: 'gone' },
      ]),
    );
    expect(s3.attendees.has('0c4e')).toBe(false);
    expect(s3.events).toMatchObject([{ type: 'removed', id: '0c4e' }]);
    expect(s3.warnings.map((w) => w.code)).toEqual(['UNKNOWN_REMOVE']);
    // Purity: the earlier state is intact.
    expect(s2.attendees.has('0c4e')).toBe(true);
    expect(s1.attendees.get('0c4e')?.muteOnJoin).toBe(false);
  });

  it('diffs a resync and keeps unchanged objects; drops stale versions', () => {
    const s1 = applyAttendees(initialAttendeesState(), attendees(0, 1, [kenji, room]));
    const resync = applyAttendees(s1, attendees(0, 2, [kenji, { ...room, name: 'Room 4B' }]));
    expect(resync.events).toMatchObject([{ type: 'updated', id: '9d7b', changed: ['name'] }]);
    expect(resync.attendees.get('0c4e')).toBe(s1.attendees.get('0c4e'));
    expect(resync.changed).toBe(true);
    const same = applyAttendees(resync, attendees(0, 3, [{ ...room, name: 'Room 4B' }, kenji]));
    expect(same.events).toEqual([]);
    expect(same.attendees).toBe(resync.attendees); // identical resync: the held list is kept
    expect(same.changed).toBe(false);
    const s2 = applyAttendees(resync, attendees(1, 5, []));
    const stale = applyAttendees(s2, attendees(1, 3, [{ mode: 1, userUUID: '0c4e' }]));
    expect(stale.warnings.map((w) => w.code)).toEqual(['STALE_VERSION']);
    expect(stale.attendees.has('0c4e')).toBe(true);
  });

  it('keeps a __proto__ field as data in raw', () => {
    const item = JSON.parse('{"mode":0,"userUUID":"u","__proto__":{"polluted":true}}');
    const s = applyAttendees(initialAttendeesState(), attendees(0, 1, [item]));
    const raw = s.attendees.get('u')?.raw;
    expect(Object.getPrototypeOf(raw)).toBeNull();
    expect(Object.hasOwn(raw ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
