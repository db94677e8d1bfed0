import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createParticipant } from '../../src/state/participant.js';
import { createWaitingPerson } from '../../src/state/waiting-person.js';

// PinfoRecord is abstract: its shared fields are read through both records built on it.
const records = [
  ['participant', createParticipant],
  ['waiting person', createWaitingPerson],
] as const;

describe.each(records)('PinfoRecord fields of a %s', (_kind, create) => {
  it('reads the account fields', () => {
    const record = create('a', {
      ACCOUNT: 'kenji.sato',
      THIRDACCOUNT: 'ext-7',
      ACCOUNT_ID: 'u1',
      ORG_ID: 'o',
    });
    expect(record).toMatchObject({
      account: 'kenji.sato',
      thirdAccount: 'ext-7',
      accountId: 'u1',
      orgId: 'o',
    });
    expect(record.toJSON()).toMatchObject({ account: 'kenji.sato', thirdAccount: 'ext-7' });
  });

  it('a blank ADDTIME reads as absent (Number would make it 0); spaces around a number are fine', () => {
    const ms = (text: string) => {
      const record = create('a', { ADDTIME: text });
      return 'joinedAtMs' in record ? record.joinedAtMs : record.addedAtMs;
    };
    expect(ms('  ')).toBeUndefined();
    expect(ms(' 1767257415022 ')).toBe(1767257415022);
  });

  it('shows its typed fields when inspected', () => {
    expect(inspect(create('a', { NAME: 'Ann', TEL: '+4420' }))).toContain("tel: '+4420'");
  });
});
