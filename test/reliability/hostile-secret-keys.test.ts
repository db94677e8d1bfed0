/**
 * Secret-looking keys outside `pwds` (issue 14 point 9), where the state folds read them: a
 * `pinfoMap` key such as `USER_TOKEN` reaches `participants$` as a `Secret` (the roster's raw map,
 * which keeps strings only, leaves it out), and the folds keep working. In virtual time.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret } from '../../src/security/secret.js';
import type { Roster } from '../../src/state/roster.js';
import { virtualMeeting } from '../helpers/virtual-meeting.js';

const answer = (request: { url: string }) =>
  request.url.includes('/conferences/token')
    ? {
        status: 200,
        body: { data: { token: 'stb1', wsURL: 'wss://h', expireTime: 10 ** 13, confTokenExpireTime: 1800 } },
      }
    : { status: 200, body: { webSocketToken: 'cnr1' } };

const push = (msgMode: 0 | 1, version: number, pinfoMap: Record<string, string>) => ({
  confID: '913570246',
  msgID: `p${version}`,
  msgMode,
  version,
  createTime: version,
  action: 'ParticipantsNotify',
  // Item mode 0: added or changed (1 would remove it, §6.5).
  data: [{ pid: 'p1', mode: 0, pinfoMap }],
});

describe('a secret-looking pinfoMap key', () => {
  it('is a Secret in participants$, absent from roster$, and the roster still folds', async () => {
    const f = virtualMeeting(answer, { heartbeatIntervalMs: 170_000 });
    const seen: unknown[] = [];
    let roster: Roster | undefined;
    f.meeting.participants$.subscribe((value) => seen.push(value));
    f.meeting.roster$.subscribe((value) => {
      roster = value;
    });
    try {
      await f.run(1000);
      const socket = f.sockets[0];
      socket?.receive(push(0, 100, { NAME: 'Ada', USER_TOKEN: 'tok-secret-111', chairPwd: '909090' }));
      socket?.receive(push(1, 101, { HAND: '1', USER_TOKEN: 'tok-secret-222' }));
      f.advance(0);
      expect(roster?.get('p1')?.name).toBe('Ada');
      expect(roster?.get('p1')?.handRaised).toBe(true);
      // participants$ carries the Secret; the roster's raw map keeps strings only, so it has none.
      const item = (seen[1] as { data: Array<{ pinfoMap: Record<string, unknown> }> }).data[0];
      expect(item?.pinfoMap['USER_TOKEN']).toBeInstanceOf(Secret);
      expect(roster?.get('p1')?.raw.get('USER_TOKEN')).toBeUndefined();
      for (const text of [
        JSON.stringify(seen),
        inspect(seen, { depth: 10 }),
        inspect(roster, { depth: 10 }),
      ]) {
        expect(text).not.toMatch(/tok-secret|909090/);
      }
      expect(f.statuses.at(-1)?.phase).toBe('live');
    } finally {
      f.meeting.close();
    }
  });
});
