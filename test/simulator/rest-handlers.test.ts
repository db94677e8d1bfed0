import { describe, expect, it } from 'vitest';
import { createManualClock, type Simulator } from '../../src/simulator/index.js';
import {
  basic,
  controlToken,
  get,
  REALTIME_PATH,
  TOKEN_PATH,
  useSimulators,
  WS_TOKEN_PATH,
} from './helpers.js';

const start = useSimulators();
const hostHeaders = (s: Simulator) => ({ 'X-Password': s.hostPassword, 'X-Login-Type': '1' });

describe('GET /v1/mmc/control/conferences/token (§2)', () => {
  it('answers the documented TokenInfo shape with the gloablPublicIP typo', async () => {
    const s = await start();
    const answer = await get(s, TOKEN_PATH, { conferenceID: s.conferenceId }, hostHeaders(s));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    const data = answer.body['data'];
    expect(data.token).toMatch(/^stb[0-9a-f]{48}$/);
    expect(data.tmpWsToken).toMatch(/^cnr[0-9a-f]{48}$/);
    expect(data.wsURL).toBe(s.wsUrl);
    expect(s.wsUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(data.role).toBe(1);
    expect(data.confTokenExpireTime).toBe(1800);
    expect(data.expireTime).toBeGreaterThan(Date.now() + 1_790_000);
    expect(data.supportNotifyType).toContain('ParticipantsNotify');
    expect(answer.body).toHaveProperty('gloablPublicIP');
    expect(answer.body['addressToken']).toMatch(/^cnr[0-9a-f]{48}$/);
  });

  it('answers a wrong password with exactly the §2.5 body', async () => {
    const s = await start();
    const answer = await get(
      s,
      TOKEN_PATH,
      { conferenceID: s.conferenceId },
      { 'X-Password': 'nope', 'X-Login-Type': '1' },
    );
    expect(answer.status).toBe(400);
    expect(answer.text).toBe('{"error_code":"MMC.111072065","error_msg":"CONF_NOT_FOUND_OR_AUTH_FAILED"}');
  });

  it('answers an unknown conference with the same code as a wrong password', async () => {
    const s = await start();
    const answer = await get(s, TOKEN_PATH, { conferenceID: '000000001' }, hostHeaders(s));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error_code: 'MMC.111072065', error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED' });
  });

  it.each([
    ['X-Login-Type missing', (s: Simulator) => ({ 'X-Password': s.hostPassword }), true],
    ['X-Login-Type not 1', (s: Simulator) => ({ 'X-Password': s.hostPassword, 'X-Login-Type': '2' }), true],
    ['conferenceID missing', hostHeaders, false],
  ])('answers 400 CONF_BAD_REQUEST when %s', async (_name, headers, withConference) => {
    const s = await start();
    const query: Record<string, string> = withConference ? { conferenceID: s.conferenceId } : {};
    const answer = await get(s, TOKEN_PATH, query, headers(s));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error_code: 'MMC.111070001', error_msg: 'CONF_BAD_REQUEST' });
  });

  it('keep-alive: a live token (raw or Basic) without password gets a new token and a later expiry', async () => {
    const clock = createManualClock();
    const s = await start({ clock });
    const first = await controlToken(s);
    clock.advance(60_000);
    for (const presented of [first.token, basic(first.token)]) {
      const answer = await get(
        s,
        TOKEN_PATH,
        { conferenceID: s.conferenceId },
        { 'X-Login-Type': '1', 'X-Conference-Authorization': presented },
      );
      expect(answer.status).toBe(200);
      expect(answer.body['data'].token).not.toBe(first.token);
      expect(answer.body['data'].expireTime).toBe(first.expireTime + 60_000);
    }
  });

  it('keep-alive: an expired token without password is 401, with the password a new token', async () => {
    const clock = createManualClock();
    const s = await start({ clock, controlTokenTtlMs: 10_000 });
    const first = await controlToken(s);
    clock.advance(10_000);
    const auth = { 'X-Login-Type': '1', 'X-Conference-Authorization': first.token };
    const refused = await get(s, TOKEN_PATH, { conferenceID: s.conferenceId }, auth);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error_code: 'MMC.118000001', error_msg: 'USER_TOKEN_AUTH_FAILED' });
    const renewed = await get(
      s,
      TOKEN_PATH,
      { conferenceID: s.conferenceId },
      { ...auth, 'X-Password': s.hostPassword },
    );
    expect(renewed.status).toBe(200);
    const wrong = await get(s, TOKEN_PATH, { conferenceID: s.conferenceId }, { ...auth, 'X-Password': 'x' });
    expect(wrong.body['error_code']).toBe('MMC.111072065');
  });

  it('refuses methods other than GET with 405 and answers CORS preflights', async () => {
    const s = await start();
    const post = await fetch(new URL(TOKEN_PATH, s.baseUrl), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, OPTIONS');
    const preflight = await fetch(new URL(WS_TOKEN_PATH, s.baseUrl), { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Conference-Authorization');
    const unknown = await fetch(new URL('/v1/other', s.baseUrl));
    expect(unknown.status).toBe(404);
  });
});

describe('GET /v1/mmc/control/conferences/wsToken (§3)', () => {
  it('returns the flat shape with a cnr token for a valid control token (raw or Basic)', async () => {
    const s = await start();
    const { token } = await controlToken(s);
    for (const presented of [token, basic(token)]) {
      const answer = await get(
        s,
        WS_TOKEN_PATH,
        { conferenceID: s.conferenceId },
        { 'X-Conference-Authorization': presented },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8');
      expect(Object.keys(answer.body)).toEqual(['webSocketToken']);
      expect(answer.body['webSocketToken']).toMatch(/^cnr[0-9a-f]{48}$/);
    }
  });

  it('answers 401 for a missing, unknown or expired control token', async () => {
    const clock = createManualClock();
    const s = await start({ clock });
    const { token } = await controlToken(s);
    const missing = await get(s, WS_TOKEN_PATH, { conferenceID: s.conferenceId });
    const unknown = await get(
      s,
      WS_TOKEN_PATH,
      { conferenceID: s.conferenceId },
      { 'X-Conference-Authorization': `stb${'0'.repeat(48)}` },
    );
    clock.advance(1_800_000);
    const expired = await get(
      s,
      WS_TOKEN_PATH,
      { conferenceID: s.conferenceId },
      { 'X-Conference-Authorization': token },
    );
    for (const answer of [missing, unknown, expired]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error_code: 'MMC.118000001', error_msg: 'USER_TOKEN_AUTH_FAILED' });
    }
  });

  it("answers 403 when conferenceID is not the token's conference", async () => {
    const s = await start({ meetings: 2 });
    const { token } = await controlToken(s);
    const other = s.meetings[1]!.conferenceId;
    const answer = await get(
      s,
      WS_TOKEN_PATH,
      { conferenceID: other },
      { 'X-Conference-Authorization': token },
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error_code: 'MMC.111070002', error_msg: 'CONF_INSUFFICIENT_PERMISSIONS' });
  });
});

describe('GET /v1/mmc/control/conferences/realTimeInfo (§10.1)', () => {
  it('answers the roster from the same truth as the pushes', async () => {
    const s = await start();
    const pid = s.join({ name: 'Ada Quinn' });
    s.update(pid, { HAND: '1', MUTE: '1' });
    const { token } = await controlToken(s);
    const answer = await get(
      s,
      REALTIME_PATH,
      { conferenceID: s.conferenceId },
      { 'X-Conference-Authorization': basic(token) },
    );
    expect(answer.status).toBe(200);
    expect(answer.body['participants']).toHaveLength(s.participants().size);
    const me = answer.body['participants'].find((p: { pid: string }) => p.pid === pid);
    expect(me).toMatchObject({ name: 'Ada Quinn', state: 0, hand: 1, mute: 1 });
    const hostPid = [...s.participants()].find(([, p]) => p['ROLE'] === '1')?.[0];
    expect(answer.body['confInfo'].chairID).toBe(hostPid);
    expect(answer.body['attendees'].length).toBeGreaterThan(0);
    const refused = await get(s, REALTIME_PATH, { conferenceID: s.conferenceId });
    expect(refused.status).toBe(401);
  });
});

describe('meeting end and REST', () => {
  it('answers 400 MMC.111070005 on every call after the meeting ends', async () => {
    const s = await start();
    const { token } = await controlToken(s);
    s.end();
    const tokenCall = await get(s, TOKEN_PATH, { conferenceID: s.conferenceId }, hostHeaders(s));
    const wsCall = await get(
      s,
      WS_TOKEN_PATH,
      { conferenceID: s.conferenceId },
      { 'X-Conference-Authorization': token },
    );
    for (const answer of [tokenCall, wsCall]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' });
    }
  });
});
