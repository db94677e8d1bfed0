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

describe('applyAttendees: initial state and dropped messages', () => {
  it('starts empty and not initialized; an incremental before any full message leaves it so', () => {
    const initial = initialAttendeesState();
    expect(initial.attendees.size).toBe(0);
    expect(initial.initialized).toBe(false);
    expect(initial.lastVersion).toBeUndefined();
    const early = applyAttendees(initial, attendees(1, 3, [kenji]));
    expect(early).toMatchObject({ initialized: false, full: false, changed: true, lastVersion: 3 });
    expect(early.events).toMatchObject([{ type: 'added', id: '0c4e' }]);
    // The first full message is still the initial snapshot: no events.
    const snap = applyAttendees(early, attendees(0, 1_767_258_002_022, [kenji, room]));
    expect(snap).toMatchObject({ initialized: true, full: true, changed: true });
    expect(snap.events).toEqual([]);
  });

  it('a dropped message reports no events, not full, not changed, and keeps the list', () => {
    const s1 = applyAttendees(initialAttendeesState(), attendees(1, 5, [kenji]));
    const dup = applyAttendees(s1, attendees(1, 5, [{ mode: 1, userUUID: '0c4e' }]));
    expect(dup.events).toEqual([]);
    expect(dup.full).toBe(false);
    expect(dup.changed).toBe(false);
    expect(dup.attendees).toBe(s1.attendees);
    expect(dup.warnings).toMatchObject([{ code: 'DUPLICATE_VERSION', version: 5, lastVersion: 5 }]);
  });

  it('a message that is applied without trouble carries no warnings', () => {
    const s1 = applyAttendees(initialAttendeesState(), attendees(0, 1, [kenji]));
    expect(s1.warnings).toEqual([]);
    expect(applyAttendees(s1, attendees(1, 2, [room])).warnings).toEqual([]);
  });

  it('item warnings name the push, the version and the attendee', () => {
    const s1 = applyAttendees(
      initialAttendeesState(),
      attendees(1, 4, [
        { mode: 0, name: 'nobody' },
        { mode: 1, userUUID: 'gone' },
      ]),
    );
    expect(s1.warnings).toEqual([
      {
        code: 'ATTENDEE_WITHOUT_ID',
        action: 'AttendeesNotify',
        version: 4,
        message: 'AttendeesNotify: attendee without userUUID, participantID or phone; skipped',
      },
      {
        code: 'UNKNOWN_REMOVE',
        action: 'AttendeesNotify',
        version: 4,
        id: 'gone',
        message: 'AttendeesNotify: remove of unknown attendee gone',
      },
    ]);
  });
});

describe('applyAttendees: full messages', () => {
  it('ignores mode 1 items in a full message, without a warning', () => {
    const s1 = applyAttendees(
      initialAttendeesState(),
      attendees(0, 1, [kenji, { mode: 1, userUUID: '9d7b' }]),
    );
    expect([...s1.attendees.keys()]).toEqual(['0c4e']);
    expect(s1.warnings).toEqual([]);
    expect(s1.events).toEqual([]);
  });

  it('an attendee listed twice in the initial snapshot is merged, with no events', () => {
    const s1 = applyAttendees(
      initialAttendeesState(),
      attendees(0, 1, [kenji, { mode: 0, userUUID: '0c4e', email: 'kenji@example.com' }]),
    );
    expect(s1.events).toEqual([]);
    expect(s1.attendees.get('0c4e')).toMatchObject({ name: 'Kenji Sato', email: 'kenji@example.com' });
  });

  it('a resync reports arrivals, departures and dropped fields', () => {
    const s1 = applyAttendees(initialAttendeesState(), attendees(0, 1, [kenji, room]));
    const { deptName: _dropped, ...kenjiWithoutDept } = kenji;
    const dialIn = { mode: 0 as const, phone: '+4420', name: 'Dial-in' };
    const resync = applyAttendees(s1, attendees(0, 2, [kenjiWithoutDept, dialIn]));
    expect(resync.events.map((e) => `${e.type} ${e.id}`)).toEqual([
      'updated 0c4e',
      'added +4420',
      'removed 9d7b',
    ]);
    expect(resync.events[0]).toMatchObject({ changed: ['deptName'] });
    expect(resync.events[1]).toMatchObject({ after: { name: 'Dial-in' } });
    expect(resync.events[2]).toMatchObject({ before: { name: 'Meeting room 4B' } });
    expect(resync.attendees.get('0c4e')?.deptName).toBeUndefined();
    expect(resync.changed).toBe(true);
  });
});

describe('applyAttendees: field values', () => {
  it('an incremental item that changes nothing fires nothing and keeps the list', () => {
    const s1 = applyAttendees(initialAttendeesState(), attendees(0, 1, [kenji]));
    const same = applyAttendees(s1, attendees(1, 2, [{ mode: 0, userUUID: '0c4e', name: 'Kenji Sato' }]));
    expect(same.events).toEqual([]);
    expect(same.changed).toBe(false);
    expect(same.attendees).toBe(s1.attendees);
  });

  it('compares unknown object-valued fields by content', () => {
    const withTags = { ...kenji, tags: { team: 'platform', floor: 4 } };
    const s1 = applyAttendees(initialAttendeesState(), attendees(0, 1, [withTags]));
    // An equal object (a new one, as every decoded message brings) is no change.
    const same = applyAttendees(s1, attendees(0, 2, [{ ...kenji, tags: { team: 'platform', floor: 4 } }]));
    expect(same.events).toEqual([]);
    expect(same.attendees).toBe(s1.attendees);
    const moved = applyAttendees(same, attendees(0, 3, [{ ...kenji, tags: { team: 'platform', floor: 5 } }]));
    expect(moved.events).toMatchObject([{ type: 'updated', id: '0c4e', changed: ['tags'] }]);
    // A string that happens to print like the object is a change too.
    const text = applyAttendees(moved, attendees(1, 4, [{ mode: 0, userUUID: '0c4e', tags: 'platform' }]));
    expect(text.events).toMatchObject([{ type: 'updated', changed: ['tags'] }]);
  });

  it('maps role 1/0 to host/participant and anything else to unknown', () => {
    const roles = [1, 0, 2, undefined].map((role) => {
      const s = applyAttendees(initialAttendeesState(), attendees(0, 1, [{ mode: 0, userUUID: 'u', role }]));
      return s.attendees.get('u')?.role;
    });
    expect(roles).toEqual(['host', 'participant', 'unknown', 'unknown']);
  });

  it('flags are true only for 1', () => {
    const read = (fields: Record<string, unknown>) =>
      applyAttendees(
        initialAttendeesState(),
        attendees(0, 1, [{ mode: 0, userUUID: 'u', ...fields }]),
      ).attendees.get('u');
    expect(read({ isMute: 1, isAutoInvite: 1 })).toMatchObject({ muteOnJoin: true, autoInvite: true });
    expect(read({ isMute: 0, isAutoInvite: 0 })).toMatchObject({ muteOnJoin: false, autoInvite: false });
    expect(read({ isMute: 2, isAutoInvite: 2 })).toMatchObject({ muteOnJoin: false, autoInvite: false });
    expect(read({})).toMatchObject({ muteOnJoin: false, autoInvite: false });
  });

  it('reads every typed field; a non-string value reads as absent but stays in raw', () => {
    const full = {
      mode: 0 as const,
      userUUID: 'u',
      participantID: 'site-7',
      phone: '+4420',
      name: 'Una',
      accountId: 'una',
      email: 'una@example.com',
      sms: '+4421',
      type: 'mobile',
      deptName: 'Sales',
      orgID: '70315',
    };
    const s = applyAttendees(initialAttendeesState(), attendees(0, 1, [full]));
    const { mode: _mode, ...fields } = full;
    expect(s.attendees.get('u')).toMatchObject({ id: 'u', ...fields });
    // Typed as a string, but a future wire format could send anything.
    const oddItem = { mode: 0, userUUID: 'v', name: 42 as unknown as string } as const;
    const odd = applyAttendees(initialAttendeesState(), attendees(0, 1, [oddItem]));
    expect(odd.attendees.get('v')?.name).toBeUndefined();
    expect(odd.attendees.get('v')?.raw.name).toBe(42);
  });
});
