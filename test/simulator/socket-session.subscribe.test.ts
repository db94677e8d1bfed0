import { describe, expect, it } from 'vitest';
import { createManualClock, type Simulator } from '../../src/simulator/index.js';
import {
  ALL_TYPES,
  basic,
  connect,
  controlToken,
  type Frame,
  seq,
  settle,
  subscribedClient,
  type TestClient,
  useSimulators,
  wsToken,
} from './helpers.js';

const start = useSimulators();

const openClient = async (s: Simulator): Promise<{ client: TestClient; token: string }> => {
  const { token } = await controlToken(s);
  const client = connect(s.wsUrl, s.conferenceId, await wsToken(s, token));
  await client.opened;
  return { client, token };
};
const replyOf = (client: TestClient, from = 0): Promise<Frame> =>
  client.waitFor((f) => f['action'] === 'Subscribe', from);

describe('Subscribe (§5.1, §6.1)', () => {
  it('answers a string `data` with the trailing-space "returnDesc " key, echoing the sequence', async () => {
    const s = await start();
    const { client, token } = await openClient(s);
    const sequence = seq(1767258001234);
    client.send({
      action: 'Subscribe',
      sequence,
      data: JSON.stringify({ subscribeType: ['ParticipantsNotify'], confToken: basic(token) }),
    });
    await replyOf(client);
    expect(client.texts[0]).toBe(
      `{"action":"Subscribe","sequence":"${sequence}","data":{"returnCode":0,"returnDesc ":"SUCCESS"}}`,
    );
  });

  it('accepts an object `data`, a raw token and a matching conferenceID', async () => {
    const s = await start();
    const { client, token } = await openClient(s);
    client.send({
      action: 'Subscribe',
      sequence: seq(2),
      data: { conferenceID: s.conferenceId, subscribeType: ['ConfBasicInfoNotify'], confToken: token },
    });
    const reply = await replyOf(client);
    expect(reply['data']).toEqual({ returnCode: 0, 'returnDesc ': 'SUCCESS' });
    expect(client.texts[0]).toContain('"returnDesc ":"SUCCESS"');
    await client.waitFor((f) => f['action'] === 'ConfBasicInfoNotify');
  });

  it.each([
    ['data not JSON', () => 'not json', 111070001, 'REQUEST_ERROR'],
    ['subscribeType missing', (t: string) => JSON.stringify({ confToken: t }), 111070001, 'REQUEST_ERROR'],
    [
      'subscribeType not an array',
      (t: string) => JSON.stringify({ subscribeType: 'x', confToken: t }),
      111070001,
      'REQUEST_ERROR',
    ],
    ['confToken missing', () => JSON.stringify({ subscribeType: [] }), 111070004, 'AUTH_FAILED'],
    [
      'confToken unknown',
      () => JSON.stringify({ subscribeType: [], confToken: 'stb00' }),
      111070004,
      'AUTH_FAILED',
    ],
    [
      'conferenceID of another meeting',
      (t: string) => JSON.stringify({ conferenceID: '123456789', subscribeType: [], confToken: t }),
      111070002,
      'INSUFFICIENT_PERMISSIONS',
    ],
  ])('fails with the §6.1 code when %s, keeping the socket open', async (_name, data, code, desc) => {
    const s = await start();
    const { client, token } = await openClient(s);
    client.send({ action: 'Subscribe', sequence: seq(3), data: data(token) });
    const reply = await replyOf(client);
    expect(reply).toEqual({
      action: 'Subscribe',
      sequence: seq(3),
      data: { returnCode: code, 'returnDesc ': desc },
    });
    expect(client.texts[0]).toContain('"returnDesc "');
    await settle();
    expect(client.texts).toHaveLength(1); // no snapshot after a failure
    expect(s.connections()).toBe(1);
  });

  it('fails with AUTH_FAILED for an expired control token', async () => {
    const clock = createManualClock();
    // A long heartbeat timeout, or the silent socket would be closed with 4000 first.
    const s = await start({ clock, heartbeatTimeoutMs: 3_600_000 });
    const { client, token } = await openClient(s);
    clock.advance(1_800_000);
    client.send({
      action: 'Subscribe',
      sequence: seq(4),
      data: JSON.stringify({ subscribeType: [], confToken: token }),
    });
    expect((await replyOf(client))['data'].returnCode).toBe(111070004);
  });

  it('sends the snapshot in Appendix A order, omitting InviteResult when there is none', async () => {
    const s = await start();
    s.speak([{ pid: [...s.participants().keys()][0]!, speakingVolume: 40 }]);
    const { client } = await subscribedClient(s, [...ALL_TYPES].reverse());
    await client.waitForCount(9);
    await settle();
    const actions = client.frames().map((f) => f['action']);
    expect(actions).toEqual([
      'Subscribe',
      'ConfBasicInfoNotify',
      'ConfDynamicInfoNotify',
      'AttendeesNotify',
      'ParticipantsNotify',
      'NetConditionNotify',
      'WaitingListNotify',
      'InterpreterGroupNotify',
      'SpeakerChangeNotify',
    ]);
    for (const frame of client.frames().slice(1)) {
      expect(frame['msgMode']).toBe(0);
      expect(frame['version']).toBe(frame['createTime']);
      expect(frame['confID']).toBe(s.conferenceId);
      expect(frame['msgID']).toMatch(/^[0-9a-f]{32}$/);
    }
    const [basicInfo, dynamicInfo] = client.frames().slice(1);
    expect(basicInfo).not.toHaveProperty('data'); // §6.3: fields at the top level
    expect(basicInfo?.['displayID']).toBe(s.conferenceId);
    expect(dynamicInfo?.['state']).toBe('Created');
    const participants = client.frames().find((f) => f['action'] === 'ParticipantsNotify')!;
    expect(participants['data']).toHaveLength(s.participants().size);
    expect(participants['data'][0]).toMatchObject({ mode: 0, pinfoMap: { STATE: '0' } });
  });

  it('includes the invite results known so far in the snapshot', async () => {
    const s = await start();
    s.invite('+99111283400000001', '0');
    s.invite('+99111283400000002', '1');
    const { client } = await subscribedClient(s, ['InviteResultNotify', 'ParticipantsNotify']);
    const invite = await client.waitFor((f) => f['action'] === 'InviteResultNotify');
    expect(invite['data']).toEqual([
      { callNumber: '+99111283400000001', resultCode: '0' },
      { callNumber: '+99111283400000002', resultCode: '1' },
    ]);
    expect(client.frames().map((f) => f['action'])).toEqual([
      'Subscribe',
      'ParticipantsNotify',
      'InviteResultNotify',
    ]);
  });

  it('ignores unknown types, replaces the set on a second Subscribe and pushes only subscribed types', async () => {
    const s = await start();
    const { client, token } = await subscribedClient(s, [
      'ParticipantsNotify',
      'CustomMultiPicNotify',
      'NetworkQualityNotify',
    ]);
    await client.waitFor((f) => f['action'] === 'ParticipantsNotify');
    s.setLocked(true); // Dynamic: not subscribed
    const pid = s.join({ name: 'Bo Lind' });
    await client.waitFor((f) => f['msgMode'] === 1);
    expect(client.frames().some((f) => f['action'] === 'ConfDynamicInfoNotify')).toBe(false);

    const before = client.texts.length;
    client.send({
      action: 'Subscribe',
      sequence: seq(9),
      data: JSON.stringify({ subscribeType: ['ConfDynamicInfoNotify'], confToken: basic(token) }),
    });
    await client.waitFor((f) => f['action'] === 'ConfDynamicInfoNotify', before);
    s.update(pid, { MUTE: '1' });
    s.setLocked(false);
    await client.waitFor((f) => f['action'] === 'ConfDynamicInfoNotify' && f['lock'] === 0, before);
    const after = client
      .frames()
      .slice(before)
      .map((f) => f['action']);
    expect(after).toEqual(['Subscribe', 'ConfDynamicInfoNotify', 'ConfDynamicInfoNotify']);
  });

  it('ignores malformed frames and unknown actions without closing', async () => {
    const s = await start();
    const { client } = await subscribedClient(s, []);
    client.send('{not json');
    client.send('[1,2]');
    client.send({ action: 'Dance', sequence: seq(1) });
    client.send({ action: 'HeartBeat', sequence: seq(77) });
    const echo = await client.waitFor((f) => f['action'] === 'HeartBeat');
    expect(echo).toEqual({ action: 'HeartBeat', sequence: seq(77) });
    expect(client.texts).toHaveLength(2);
    expect(s.connections()).toBe(1);
  });
});

describe('ConfControl (§5.3, §5.4)', () => {
  it('REALTIMESUBTITLE: replies, sets realTimeSubtitle 1 and captions get string version/createTime', async () => {
    const s = await start();
    const { client, token } = await subscribedClient(s, ['ConfDynamicInfoNotify', 'RealTimeSubtitleNotify']);
    const from = client.texts.length;
    client.send({
      action: 'ConfControl',
      sequence: seq(5),
      type: 'REALTIMESUBTITLE',
      data: JSON.stringify({
        conferenceID: s.conferenceId,
        confToken: basic(token),
        isSubtitle: '1',
        subtitleType: '0',
      }),
    });
    const reply = await client.waitFor((f) => f['action'] === 'ConfControl', from);
    expect(reply).toEqual({
      action: 'ConfControl',
      sequence: seq(5),
      type: 'REALTIMESUBTITLE',
      data: { returnCode: 0, returnDesc: 'SUCCESS' },
    });
    const dynamic = await client.waitFor((f) => f['action'] === 'ConfDynamicInfoNotify', from);
    expect(dynamic['realTimeSubtitle']).toBe(1);

    s.caption('Hello there', false);
    const caption = await client.waitFor((f) => f['action'] === 'RealTimeSubtitleNotify');
    expect(typeof caption['version']).toBe('string');
    expect(caption['version']).toBe(caption['createTime']);
    expect(caption['msgMode']).toBe(0);
    expect(caption['data']).toMatchObject({
      isFinal: false,
      msgs: [{ subtitleLang: 'English', translateText: 'Hello there' }],
    });
  });

  it('REFRESHTOKEN is accepted with a reply and no other effect', async () => {
    const s = await start();
    const { client, token } = await subscribedClient(s, []);
    client.send({
      action: 'ConfControl',
      sequence: seq(6),
      type: 'REFRESHTOKEN',
      data: JSON.stringify({ conferenceID: s.conferenceId, confToken: token }),
    });
    const reply = await client.waitFor((f) => f['action'] === 'ConfControl');
    expect(reply['type']).toBe('REFRESHTOKEN');
    expect(reply['data']).toEqual({ returnCode: 0, returnDesc: 'SUCCESS' });
  });
});
