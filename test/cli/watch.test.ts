import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index.js';
import type { Simulator } from '../../src/simulator/types.js';
import { cli, killAll, waitFor } from './cli-process.js';

let sim: Simulator;
beforeAll(async () => {
  // No script: the test makes every change itself.
  sim = await startSimulator({ seed: 11, script: false, initialParticipants: 4, meetings: 3 });
});
afterAll(async () => {
  await sim.close();
});
afterEach(killAll);

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('huawei-meeting-rx watch against the simulator', () => {
  it('--json prints one decoded push per line, only the --types asked for, secrets redacted; exits 0 when the meeting ends', async () => {
    const meeting = sim.meetings[1];
    if (meeting === undefined) throw new Error('no second meeting');
    const run = cli(
      [
        'watch',
        '--conference',
        meeting.conferenceId,
        '--base-url',
        sim.baseUrl,
        '--json',
        '--password-stdin',
        '--types',
        'confbasicinfo,Participants',
        '--types=SpeakerChangeNotify',
      ],
      { stdin: `${meeting.hostPassword}\n` },
    );
    const wanted = ['ConfBasicInfoNotify', 'ParticipantsNotify', 'SpeakerChangeNotify'];
    const parsed = await waitFor(
      () => lines(run.stdout()).map((l): unknown => JSON.parse(l)) as { action: string }[],
      (pushes) => wanted.every((a) => pushes.some((p) => p.action === a)),
      'the first pushes',
    );
    const basic = parsed.find((p) => p.action === 'ConfBasicInfoNotify') as unknown as {
      data: { pwds: { pwd: string }[] };
    };
    expect(basic.data.pwds.length).toBeGreaterThan(0);
    for (const { pwd } of basic.data.pwds) expect(pwd).toBe('[redacted]');
    const roster = parsed.find((p) => p.action === 'ParticipantsNotify') as unknown as {
      msgMode: number;
      data: { pinfoMap: { NAME?: string } }[];
    };
    expect(roster.msgMode).toBe(0);
    expect(roster.data.map((item) => item.pinfoMap.NAME).sort()).toEqual(
      [...meeting.participants().values()].map((p) => p['NAME']).sort(),
    );

    meeting.join({ name: 'Quinn Test' });
    await waitFor(run.stdout, (out) => out.includes('Quinn Test'), 'the join as a line');
    meeting.end();
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('The meeting has ended.');
    // Only the types asked for (the client adds ConfDynamicInfoNotify to the Subscribe frame to
    // learn of the end, but does not print it), each line one whole JSON object.
    const actions = new Set(lines(run.stdout()).map((l) => (JSON.parse(l) as { action: string }).action));
    expect([...actions].sort()).toEqual([...wanted].sort());
  });

  it('piped without --json: one plain line per event, password from HWM_HOST_PASSWORD; Ctrl-C exits 0', async () => {
    const meeting = sim.meetings[2];
    if (meeting === undefined) throw new Error('no third meeting');
    const run = cli(['watch', '--conference', meeting.conferenceId, '--base-url', sim.baseUrl], {
      env: { HWM_HOST_PASSWORD: meeting.hostPassword },
    });
    await waitFor(run.stdout, (out) => out.includes('4 participants online'), 'the first roster');
    const pid = meeting.join({ name: 'Rosa Probe' });
    await waitFor(run.stdout, (out) => out.includes('Rosa Probe joined as participant'), 'the join');
    meeting.update(pid, { HAND: '1' });
    await waitFor(run.stdout, (out) => out.includes('Rosa Probe raised a hand'), 'the hand');
    meeting.leave(pid);
    await waitFor(run.stdout, (out) => out.includes('Rosa Probe left'), 'the leave');
    for (const line of lines(run.stdout())) expect(line).toMatch(/^\d\d:\d\d:\d\d {2}\S/);
    expect(run.stdout()).not.toContain('\u001b[');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('Stopped watching.');
  });

  it('exits 3 with advice when the password is refused, without printing it', async () => {
    const run = cli(['watch', '--conference', sim.conferenceId, '--base-url', sim.baseUrl], {
      env: { HWM_HOST_PASSWORD: 'wrong-pass-zz' },
    });
    expect(await run.exited).toBe(3);
    expect(run.stderr()).toMatch(/^Authentication failed: check the host password/m);
    expect(run.stdout() + run.stderr()).not.toContain('wrong-pass-zz');
  });
});
