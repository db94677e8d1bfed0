import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/simulator/index.js';
import { ALL_TYPES, type Frame, subscribedClient, useSimulators } from './helpers.js';

const start = useSimulators({});

/** A scripted meeting on a manual clock with one client subscribed to everything; returns what was sent. */
async function runMeeting(seed: number, minutes: number) {
  const clock = createManualClock();
  const sim = await start({ seed, clock, heartbeatTimeoutMs: 24 * 3_600_000 });
  const sent: string[] = [];
  sim.onFrameSent((text) => sent.push(text));
  const { client } = await subscribedClient(sim, ALL_TYPES);
  for (let i = 0; i < minutes; i++) clock.advance(60_000);
  await client.waitForCount(sent.length);
  return { sim, sent, frames: client.frames(), texts: client.texts };
}

/** Applies ParticipantsNotify frames the way §6.5 says a client must. */
function foldParticipants(frames: Frame[]): Map<string, Record<string, string>> {
  const roster = new Map<string, Record<string, string>>();
  for (const frame of frames.filter((f) => f['action'] === 'ParticipantsNotify')) {
    if (frame['msgMode'] === 0) roster.clear();
    for (const item of frame['data'] ?? []) {
      if (item.mode === 1) roster.delete(item.pid);
      else roster.set(item.pid, { ...roster.get(item.pid), ...item.pinfoMap });
    }
  }
  return roster;
}

describe('scripted meetings', () => {
  it('a 10-minute meeting produces every push type, consistent with the truth', async () => {
    const { sim, frames, texts, sent } = await runMeeting(1, 10);
    expect(texts).toEqual(sent);
    const actions = new Set(frames.map((f) => f['action']));
    for (const type of ALL_TYPES) expect(actions, type).toContain(type);

    // §6.0 simulator paragraph: which types arrive incrementally after the snapshot.
    const incrementalTypes = new Set(frames.filter((f) => f['msgMode'] === 1).map((f) => f['action']));
    expect([...incrementalTypes].sort()).toEqual([
      'AttendeesNotify',
      'NetConditionNotify',
      'ParticipantsNotify',
      'WaitingListNotify',
    ]);
    for (const type of incrementalTypes) {
      const versions = frames
        .filter((f) => f['action'] === type && f['msgMode'] === 1)
        .map((f) => f['version']);
      expect(versions, type).toEqual(versions.map((_, i) => i + 1));
    }
    for (const frame of frames.filter((f) => f['action'] !== 'Subscribe')) {
      expect(frame['msgID']).toMatch(/^[0-9a-f]{32}$/);
      expect(frame['confID']).toBe(sim.conferenceId);
      if (frame['action'] === 'RealTimeSubtitleNotify') expect(typeof frame['version']).toBe('string');
      else if (frame['msgMode'] === 0) expect(frame['version']).toBe(frame['createTime']);
    }
    // Events actually happened: pushes beyond the snapshot for the full-message types.
    const count = (action: string): number => frames.filter((f) => f['action'] === action).length;
    expect(count('SpeakerChangeNotify')).toBeGreaterThan(10);
    expect(count('ConfDynamicInfoNotify')).toBeGreaterThan(1);
    expect(count('InviteResultNotify')).toBeGreaterThan(0);

    expect(foldParticipants(frames)).toEqual(sim.participants());
    expect(sim.state()).toBe('Created');
  });

  it('is deterministic: same seed and clock → the same frames; another seed → different ones', async () => {
    const a = await runMeeting(42, 4);
    const b = await runMeeting(42, 4);
    const c = await runMeeting(43, 4);
    expect(a.sent.length).toBeGreaterThan(20);
    expect(b.sent).toEqual(a.sent);
    expect(b.sim.conferenceId).toBe(a.sim.conferenceId);
    expect(b.sim.hostPassword).toBe(a.sim.hostPassword);
    expect(c.sim.conferenceId).not.toBe(a.sim.conferenceId);
    expect(c.sent).not.toEqual(a.sent);
  });

  it('runs several meetings with their own IDs, passwords and scripts', async () => {
    const clock = createManualClock();
    const sim = await start({ clock, meetings: 3, initialParticipants: 4 });
    const ids = sim.meetings.map((m) => m.conferenceId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[1-9]\d{8}$/);
    expect(sim.conferenceId).toBe(ids[0]);
    expect(sim.meetings[1]?.participants().size).toBe(4);
    const second = await subscribedClient(sim, ['ParticipantsNotify'], ids[1], sim.meetings[1]!.hostPassword);
    const snapshot = await second.client.waitFor((f) => f['action'] === 'ParticipantsNotify');
    expect(snapshot['confID']).toBe(ids[1]);
    // A wrong meeting's password is refused.
    await expect(subscribedClient(sim, [], ids[2], sim.meetings[1]!.hostPassword)).rejects.toThrow(/400/);
  });

  it('speed divides the script pauses', async () => {
    const slow = await runMeeting(5, 1);
    const clock = createManualClock();
    const fast = await start({ seed: 5, clock, speed: 10, heartbeatTimeoutMs: 3_600_000 });
    const sent: string[] = [];
    fast.onFrameSent((t) => sent.push(t));
    await subscribedClient(fast, ALL_TYPES);
    clock.advance(6_000);
    const actions = (texts: string[]) => texts.map((t) => JSON.parse(t).action);
    expect(actions(sent)).toEqual(actions(slow.sent));
  });
});
