import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/simulator/index.js';
import {
  controlToken,
  type Frame,
  get,
  settle,
  subscribedClient,
  TOKEN_PATH,
  useSimulators,
} from './helpers.js';

const start = useSimulators();
const incrementals = (frames: Frame[], action: string): Frame[] =>
  frames.filter((f) => f['action'] === action && f['msgMode'] === 1);

describe('incremental versions (§6.0)', () => {
  it('counts per (conference, action) from 1, shared by all sockets, never reset by new connections', async () => {
    const s = await start();
    const first = (await subscribedClient(s, ['ParticipantsNotify', 'WaitingListNotify'])).client;
    const pid = s.join();
    s.update(pid, { HAND: '1' });
    s.addToWaitingRoom({ name: 'Guest 3' });
    await first.waitFor((f) => f['action'] === 'WaitingListNotify' && f['msgMode'] === 1);

    const second = (await subscribedClient(s, ['ParticipantsNotify'])).client;
    s.update(pid, { MUTE: '1' });
    await second.waitFor((f) => f['msgMode'] === 1);
    await first.waitFor((f) => f['action'] === 'ParticipantsNotify' && f['version'] === 3);

    expect(incrementals(first.frames(), 'ParticipantsNotify').map((f) => f['version'])).toEqual([1, 2, 3]);
    expect(incrementals(first.frames(), 'WaitingListNotify').map((f) => f['version'])).toEqual([1]);
    const secondView = incrementals(second.frames(), 'ParticipantsNotify');
    expect(secondView.map((f) => f['version'])).toEqual([3]);
    // The same message (same msgID) goes to every socket.
    expect(secondView[0]?.['msgID']).toBe(incrementals(first.frames(), 'ParticipantsNotify')[2]?.['msgID']);
    expect(secondView[0]?.['data']).toEqual([{ pid, mode: 0, pinfoMap: { MUTE: '1' } }]);
  });

  it('sends full pinfoMap on join, only changed keys on update, and mode 1 without pinfoMap on leave', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, ['ParticipantsNotify', 'InviteResultNotify']);
    const pid = s.join({ name: 'Ada Quinn', role: 'audience' });
    s.update(pid, { HAND: '1' });
    s.leave(pid, '11076002');
    const invite = await client.waitFor((f) => f['action'] === 'InviteResultNotify');
    const [joined, updated, left] = incrementals(client.frames(), 'ParticipantsNotify');
    expect(joined?.['data'][0].pinfoMap).toMatchObject({
      NAME: 'Ada Quinn',
      ROLE: '2',
      STATE: '0',
      HAND: '0',
    });
    expect(updated?.['data']).toEqual([{ pid, mode: 0, pinfoMap: { HAND: '1' } }]);
    expect(left?.['data']).toEqual([{ pid, mode: 1 }]);
    expect(invite['msgMode']).toBe(0);
    expect(invite['data']).toEqual([
      { callNumber: joined?.['data'][0].pinfoMap.TEL, resultCode: '11076002' },
    ]);
    expect(s.participants().has(pid)).toBe(false);
  });

  it('waiting room: arrival and admission as incrementals; the admitted pid joins the roster', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, ['WaitingListNotify', 'ParticipantsNotify']);
    const pid = s.addToWaitingRoom({ name: 'Guest 7' });
    expect(s.waitingRoom().get(pid)).toMatchObject({ NAME: 'Guest 7', WAITINGSTATE: '0' });
    expect(s.admit(pid)).toBe(pid);
    await client.waitFor((f) => f['action'] === 'ParticipantsNotify' && f['msgMode'] === 1);
    const waiting = incrementals(client.frames(), 'WaitingListNotify');
    expect(waiting.map((f) => f['data'][0].mode)).toEqual([0, 1]);
    expect(waiting[0]?.['data'][0]).toMatchObject({ pid, delType: 0, pinfoMap: { NAME: 'Guest 7' } });
    expect(s.waitingRoom().size).toBe(0);
    expect(s.participants().get(pid)?.['NAME']).toBe('Guest 7');
  });
});

describe('SpeakerChangeNotify (§6.7)', () => {
  it('sorts loudest first, keeps three, pushes only on change and at most twice a second', async () => {
    const clock = createManualClock();
    const s = await start({ clock });
    const { client } = await subscribedClient(s, ['SpeakerChangeNotify']);
    await client.waitFor((f) => f['action'] === 'SpeakerChangeNotify');
    const [a, b, c, d] = [...s.participants().keys()];
    s.speak([
      { pid: a!, speakingVolume: 20 },
      { pid: b!, speakingVolume: 60 },
      { pid: c!, speakingVolume: 40 },
      { pid: d!, speakingVolume: 10 },
    ]);
    expect(s.speakers().map((x) => x.pid)).toEqual([b, c, a]);
    const pushed = await client.waitFor(
      (f) => f['action'] === 'SpeakerChangeNotify' && f['data'] !== undefined,
    );
    expect(pushed['data'].map((x: Frame) => x['speakingVolume'])).toEqual([60, 40, 20]);
    expect(pushed['data'][0].name).toBe(s.participants().get(b!)?.['NAME']);

    s.speak([{ pid: a!, speakingVolume: 30 }]); // within 500 ms: held back
    s.speak([{ pid: c!, speakingVolume: 30 }]); // replaces the held one
    await settle();
    const count = (): number => client.frames().filter((f) => f['action'] === 'SpeakerChangeNotify').length;
    expect(count()).toBe(2);
    clock.advance(500);
    const trailing = await client.waitFor(
      (f) => f['action'] === 'SpeakerChangeNotify' && f['data']?.[0]?.pid === c,
    );
    expect(trailing['data']).toHaveLength(1);
    clock.advance(1000);
    s.speak([{ pid: c!, speakingVolume: 80 }]); // same set and order: no push
    s.speak([]);
    const silent = await client.waitFor(
      (f) => f['action'] === 'SpeakerChangeNotify' && f['data'] === undefined,
      2,
    );
    expect(Object.keys(silent).sort()).toEqual([
      'action',
      'confID',
      'createTime',
      'msgID',
      'msgMode',
      'version',
    ]);
    expect(count()).toBe(4);
  });
});

describe('Dynamic, Basic and meeting end (§6.3, §6.4, §8)', () => {
  it('pushes full ConfDynamicInfoNotify on lock / recording and Basic recType on recording', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, ['ConfDynamicInfoNotify', 'ConfBasicInfoNotify']);
    const from = client.texts.length;
    s.setLocked(true);
    s.setRecording(true);
    await client.waitFor((f) => f['action'] === 'ConfBasicInfoNotify', from);
    const pushed = client.frames().slice(from);
    expect(pushed.map((f) => [f['action'], f['msgMode']])).toEqual([
      ['ConfDynamicInfoNotify', 0],
      ['ConfDynamicInfoNotify', 0],
      ['ConfBasicInfoNotify', 0],
    ]);
    expect(pushed[1]).toMatchObject({ lock: 1, recState: 1, recOccurred: 1, state: 'Created' });
    expect(pushed[2]?.['recType']).toBe(1);
  });

  it('end(): Destroyed push to Dynamic subscribers, then 4004 on every socket, then REST MMC.111070005', async () => {
    const s = await start();
    const dynamic = (await subscribedClient(s, ['ConfDynamicInfoNotify'])).client;
    const other = (await subscribedClient(s, ['ParticipantsNotify'])).client;
    const from = dynamic.texts.length;
    s.end();
    expect(await dynamic.closed).toEqual({ code: 4004, reason: 'conference ended' });
    expect(await other.closed).toEqual({ code: 4004, reason: 'conference ended' });
    const last = dynamic.frames().slice(from);
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ action: 'ConfDynamicInfoNotify', msgMode: 0, state: 'Destroyed' });
    expect(other.frames().some((f) => f['action'] === 'ConfDynamicInfoNotify')).toBe(false);
    expect(s.state()).toBe('Destroyed');
    expect(() => s.join()).toThrow(/ended/);
    const answer = await get(
      s,
      TOKEN_PATH,
      { conferenceID: s.conferenceId },
      { 'X-Password': s.hostPassword, 'X-Login-Type': '1' },
    );
    expect(answer.body).toEqual({ error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' });
    await expect(controlToken(s)).rejects.toThrow(/400/);
  });

  it('onFrameSent sees every frame; close() says 1000 "bye"', async () => {
    const s = await start();
    const seen: string[] = [];
    const off = s.onFrameSent((text) => seen.push(text));
    const { client } = await subscribedClient(s, ['ConfBasicInfoNotify']);
    await client.waitForCount(2);
    expect(seen).toEqual(client.texts);
    off();
    await s.close();
    expect(await client.closed).toEqual({ code: 1000, reason: 'bye' });
  });
});
