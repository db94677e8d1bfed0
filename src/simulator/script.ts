/**
 * The scripted activity of a meeting: a seeded, clock-driven stream of realistic events (joins and
 * leaves, mute and hand changes, speakers, sharing, invitations, waiting room, recording, lock,
 * captions, media quality, interpreters). Same seed and same clock → same events.
 */
import type { SimulatorClock } from './clock.js';
import { CAPTION_LINES } from './people.js';
import type { Prng } from './prng.js';
import type { MeetingRuntime } from './simulated-meeting.js';

/** Script options. */
export interface ScriptOptions {
  readonly prng: Prng;
  readonly clock: SimulatorClock;
  /** Pauses are divided by this. */
  readonly speed: number;
}

/** Script-time milestones (ms after start), so every push type shows up within a few minutes. */
const CAPTIONS_AT_MS = 60_000;
const INTERPRETERS_AT_MS = 150_000;
const MIN_PARTICIPANTS = 3;
const MAX_PARTICIPANTS = 14;
/** §6.9 leave reasons, the common one repeated so it dominates. */
const LEAVE_REASONS = ['11076010', '11076010', '11076010', '11076002', '11111001', '11111003', '11111004'];
/** Any non-zero result answers an invitation as failed (§6.9); the script uses this one. */
const CALL_FAILED = '1';

type Step = (meeting: MeetingRuntime) => void;

/** Starts the script; returns a function that stops it. It also stops when the meeting ends. */
export function startScript(meeting: MeetingRuntime, { prng, clock, speed }: ScriptOptions): () => void {
  const timers = new Set<unknown>();
  let stopped = false;
  const controls = meeting.controls;

  const later = (ms: number, fn: () => void): void => {
    const handle = clock.setTimeout(() => {
      timers.delete(handle);
      if (!stopped && !meeting.ended()) fn();
    }, ms / speed);
    timers.add(handle);
  };
  const pids = (): string[] => [...meeting.state.participants.keys()];
  const pinfoOf = (pid: string) => meeting.state.participants.get(pid);
  const somePid = (filter: (pinfo: Record<string, string>) => boolean = () => true): string | undefined => {
    const candidates = [...meeting.state.participants].filter(([, p]) => filter(p)).map(([pid]) => pid);
    return candidates.length === 0 ? undefined : prng.pick(candidates);
  };
  const flip = (pid: string | undefined, key: string): void => {
    if (pid === undefined) return;
    controls.update(pid, { [key]: pinfoOf(pid)?.[key] === '1' ? '0' : '1' });
  };

  const steps: readonly (readonly [weight: number, step: Step])[] = [
    [30, speakersChange],
    [12, () => flip(somePid(), 'MUTE')],
    [7, () => flip(somePid(), 'HAND')],
    [4, shareToggle],
    [8, joinSomeone],
    [5, leaveSomeone],
    [5, () => controls.addToWaitingRoom()],
    [5, admitSomeone],
    [2, (m) => m.controls.setRecording(m.state.dynamic['recState'] !== 1)],
    [2, (m) => m.controls.setLocked(m.state.dynamic['lock'] !== 1)],
    [8, netCondition],
    [10, captionLine],
    [1, interpreterChange],
  ];
  const totalWeight = steps.reduce((sum, [w]) => sum + w, 0);

  function speakersChange(): void {
    if (prng.chance(0.1)) {
      controls.speak([]);
      return;
    }
    const unmuted = pids().filter((pid) => pinfoOf(pid)?.['MUTE'] !== '1');
    const pool = unmuted.length > 0 ? unmuted : pids();
    const count = Math.min(pool.length, prng.int(1, 3));
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(prng.pick(pool));
    controls.speak([...chosen].map((pid) => ({ pid, speakingVolume: prng.int(15, 95) })));
  }

  function shareToggle(): void {
    const sharer = somePid((p) => p['SHARE'] === '1');
    if (sharer !== undefined) controls.update(sharer, { SHARE: '0' });
    else {
      const pid = somePid((p) => p['ROLE'] !== '2');
      if (pid !== undefined) controls.update(pid, { SHARE: '1' });
    }
  }

  function joinSomeone(m: MeetingRuntime): void {
    if (m.state.participants.size >= MAX_PARTICIPANTS) {
      leaveSomeone();
      return;
    }
    if (!prng.chance(0.4)) {
      controls.join();
      return;
    }
    // An invitation: the host adds an attendee and calls them; the site rings (STATE "1"), then
    // answers or the call fails (§6.5 STATE, §6.9).
    const { name, phone } = m.addAttendee();
    const pid = controls.join({ name, pinfo: { TEL: phone, STATE: '1' } });
    const answered = prng.chance(0.75);
    later(prng.int(2_000, 9_000), () => {
      if (!m.state.participants.has(pid)) return;
      if (answered) {
        controls.update(pid, { STATE: '0' });
        controls.invite(phone, '0');
      } else {
        controls.leave(pid, CALL_FAILED);
      }
    });
  }

  function leaveSomeone(): void {
    if (meeting.state.participants.size <= MIN_PARTICIPANTS) return;
    const pid = somePid((p) => p['ROLE'] !== '1');
    if (pid !== undefined) controls.leave(pid, prng.pick(LEAVE_REASONS));
  }

  function admitSomeone(m: MeetingRuntime): void {
    const waiting = [...m.state.waiting.keys()];
    if (waiting.length === 0) return;
    controls.admit(prng.pick(waiting));
  }

  function netCondition(m: MeetingRuntime): void {
    const pid = somePid();
    if (pid !== undefined) m.reportNetCondition(pid);
  }

  function captionLine(m: MeetingRuntime): void {
    if (m.state.dynamic['realTimeSubtitle'] !== 1) return;
    const line = prng.pick(CAPTION_LINES);
    // Interim text first, then the final sentence (§6.10 isFinal).
    controls.caption(line.slice(0, Math.ceil(line.length / 2)), false);
    later(prng.int(600, 1_500), () => controls.caption(line, true));
  }

  function interpreterChange(m: MeetingRuntime): void {
    if (m.state.interpreterGroups.length === 0) return;
    const groups = structuredClone(m.state.interpreterGroups);
    const group = groups[0] as { interpreters: Record<string, unknown>[] };
    const person = m.state.people.next();
    group.interpreters.push({ userID: person.userUUID, callNumber: person.phone, name: person.name });
    m.setInterpreterGroups(groups);
  }

  const tick = (): void => {
    let roll = prng.next() * totalWeight;
    for (const [weight, step] of steps) {
      roll -= weight;
      if (roll < 0) {
        step(meeting);
        break;
      }
    }
    later(prng.int(1_500, 6_000), tick);
  };

  later(prng.int(1_000, 3_000), tick);
  later(CAPTIONS_AT_MS, () => controls.startCaptions());
  later(INTERPRETERS_AT_MS, () => {
    const person = meeting.state.people.next();
    meeting.setInterpreterGroups([
      {
        groupID: prng.hex(32),
        groupName: 'English ⇄ Chinese',
        firstLanguage: 'en',
        secondLanguage: 'zh',
        groupType: 'MANUAL',
        interpreters: [{ userID: person.userUUID, callNumber: person.phone, name: person.name }],
      },
    ]);
  });

  const stop = (): void => {
    stopped = true;
    for (const handle of timers) clock.clearTimeout(handle);
    timers.clear();
  };
  meeting.onEnd(stop);
  return stop;
}
