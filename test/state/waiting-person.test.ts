import { describe, expect, it } from 'vitest';
import { createWaitingPerson } from '../../src/state/waiting-person.js';

describe('createWaitingPerson', () => {
  it('reads a complete pinfoMap', () => {
    const person = createWaitingPerson('w1', {
      NAME: 'Guest 7',
      TEL: '+4420',
      ACCOUNT: 'guest7',
      CLIENT_LOGIN_TYPE: 'Desktop',
      ADDTIME: '1767258300550',
      WAITINGSTATE: '1',
    });
    expect(person.toJSON()).toMatchObject({
      pid: 'w1',
      name: 'Guest 7',
      tel: '+4420',
      account: 'guest7',
      clientType: 'desktop',
      addedAtMs: 1767258300550,
      waitingState: 'admitted',
      raw: { NAME: 'Guest 7', WAITINGSTATE: '1' },
    });
    expect(person.addedAt).toEqual(new Date(1767258300550));
  });

  it('maps WAITINGSTATE "0" to waiting and anything else, or nothing, to unknown', () => {
    expect(createWaitingPerson('w', { WAITINGSTATE: '0' }).waitingState).toBe('waiting');
    expect(createWaitingPerson('w', { WAITINGSTATE: '2' }).waitingState).toBe('unknown');
    expect(createWaitingPerson('w', {}).waitingState).toBe('unknown');
  });
});
