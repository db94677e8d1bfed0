import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../src/state/participant.js';
import { person } from './fixtures.js';

describe('Participant typed fields', () => {
  it('reads the §6.5 example', () => {
    const p = createParticipant('k7m2', {
      ...person('Kenji Sato', { ROLE: '1', ACCOUNT_ID: 'acc', ORG_ID: '70315' }),
      CAMERASTATE: '1',
      LOCKED_VIEW: '0',
      RTC_USER_ID: 'k7m2',
      M: '3',
      T: '7',
    });
    expect(p.toJSON()).toMatchObject({
      pid: 'k7m2',
      name: 'Kenji Sato',
      tel: '+99111283401937265',
      role: 'host',
      state: 'in-meeting',
      handRaised: false,
      muted: false,
      video: true,
      sharing: false,
      broadcast: false,
      rollCall: false,
      joinedAtMs: 1767257415022,
      clientType: 'mobile',
      isCoHost: false,
      anonymous: false,
      localRecording: false,
      viewType: 'none',
      m: '3',
      t: '7',
      accountId: 'acc',
      orgId: '70315',
      camera: true,
      lockedView: false,
      rtcUserId: 'k7m2',
    });
    expect(p.joinedAt).toEqual(new Date(1767257415022));
  });

  it('maps ROLE "2" to audience and unknown ROLE values to unknown, keeping the raw value', () => {
    expect(createParticipant('a', { ROLE: '2' }).role).toBe('audience');
    expect(createParticipant('a', { ROLE: '0' }).role).toBe('participant');
    const odd = createParticipant('a', { ROLE: '7' });
    expect(odd.role).toBe('unknown');
    expect(odd.raw.get('ROLE')).toBe('7');
    expect(createParticipant('a', {}).role).toBe('unknown');
  });

  it('maps STATE "0"/"1"/"2" (§10.1 joining) and anything else to unknown', () => {
    expect(createParticipant('a', { STATE: '0' }).state).toBe('in-meeting');
    expect(createParticipant('a', { STATE: '1' }).state).toBe('calling');
    expect(createParticipant('a', { STATE: '2' }).state).toBe('joining');
    expect(createParticipant('a', { STATE: '9' }).state).toBe('unknown');
  });

  it('reads CLIENT_LOGIN_TYPE and the documented typo CLICENT_LOGIN_TYPE', () => {
    expect(createParticipant('a', { CLIENT_LOGIN_TYPE: 'Desktop' }).clientType).toBe('desktop');
    expect(createParticipant('a', { CLIENT_LOGIN_TYPE: 'Pad' }).clientType).toBe('pad');
    expect(createParticipant('a', { CLIENT_LOGIN_TYPE: 'OtherType' }).clientType).toBe('other');
    expect(createParticipant('a', { CLICENT_LOGIN_TYPE: 'Mobile' }).clientType).toBe('mobile');
    expect(createParticipant('a', { CLIENT_LOGIN_TYPE: 'Watch' }).clientType).toBe('unknown');
  });

  it('turns ADDTIME into a fresh Date per read, undefined when absent or not a number', () => {
    const p = createParticipant('a', { ADDTIME: '1767257415022' });
    expect(p.joinedAt?.getTime()).toBe(1767257415022);
    expect(p.joinedAt).not.toBe(p.joinedAt);
    expect(createParticipant('a', {}).joinedAt).toBeUndefined();
    expect(createParticipant('a', { ADDTIME: 'soon' }).joinedAt).toBeUndefined();
    expect(createParticipant('a', { ADDTIME: '' }).joinedAtMs).toBeUndefined();
  });

  it('flags are true only for "1"', () => {
    const p = createParticipant('a', { HAND: '1', MUTE: '1', SHARE: 'yes', IS_COHOST: '1', LOCALREC: '1' });
    expect([p.handRaised, p.muted, p.sharing, p.isCoHost, p.localRecording, p.video]).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  it('maps VIEW_TYPE', () => {
    expect(createParticipant('a', {}).viewType).toBe('none');
    expect(createParticipant('a', { VIEW_TYPE: '1' }).viewType).toBe('multi-picture');
    expect(createParticipant('a', { VIEW_TYPE: '2' }).viewType).toBe('selected-site');
    expect(createParticipant('a', { VIEW_TYPE: '5' }).viewType).toBe('unknown');
  });

  it('keeps unknown keys in raw and shows its fields when inspected', () => {
    const p = createParticipant('a', { NAME: 'Ann', FUTURE_KEY: 'v' });
    expect(p.raw.get('FUTURE_KEY')).toBe('v');
    expect(inspect(p)).toContain("name: 'Ann'");
    expect(JSON.parse(JSON.stringify(p)).raw).toEqual({ NAME: 'Ann', FUTURE_KEY: 'v' });
  });

  it('every flag reads "1" as true', () => {
    const keys = ['HAND', 'MUTE', 'VIDEO', 'SHARE', 'BROADCAST', 'ROLLCALL', 'IS_COHOST', 'ANONYMOUS'];
    const more = ['LOCALREC', 'CAMERASTATE', 'LOCKED_VIEW'];
    const p = createParticipant('a', Object.fromEntries([...keys, ...more].map((key) => [key, '1'])));
    expect([
      p.handRaised,
      p.muted,
      p.video,
      p.sharing,
      p.broadcast,
      p.rollCall,
      p.isCoHost,
      p.anonymous,
      p.localRecording,
      p.camera,
      p.lockedView,
    ]).toEqual(Array(11).fill(true));
  });

  it('reads USER_AGENT and RTC_USER_ID', () => {
    const p = createParticipant('a', { USER_AGENT: 'WeLink/9.1', RTC_USER_ID: 'r1' });
    expect(p).toMatchObject({ userAgent: 'WeLink/9.1', rtcUserId: 'r1' });
    expect(p.toJSON()).toMatchObject({ userAgent: 'WeLink/9.1', rtcUserId: 'r1' });
  });
});
