/**
 * What changed between two snapshots, as short sentences for the event log. Pure: the live view,
 * the plain output and their tests all use these.
 */
import type { MeetingStatus } from '../../meeting/status.js';
import type { MeetingState } from '../../state/meeting-state.js';
import type { Participant } from '../../state/participant.js';
import type { Roster } from '../../state/roster.js';
import type { ActiveSpeaker } from '../../state/speakers.js';

/**
 * What a log line is about; the renderer colours by it.
 * @internal
 */
export type ChangeKind = 'join' | 'leave' | 'hand' | 'mic' | 'share' | 'speaker' | 'meeting' | 'status';

/**
 * One line of the event log before it gets a time and a sequence number.
 * @internal
 */
export interface Change {
  readonly kind: ChangeKind;
  readonly text: string;
}

/**
 * A participant's name for a sentence: the name, else the start of the pid.
 * @internal
 */
export function displayName(participant: Pick<Participant, 'name' | 'pid'>): string {
  const name = participant.name?.trim();
  return name !== undefined && name !== '' ? name : `#${participant.pid.slice(0, 8)}`;
}

function roleText(p: Participant): string {
  if (p.role === 'host') return 'host';
  if (p.isCoHost) return 'co-host';
  return p.role === 'unknown' ? 'participant' : p.role;
}

/** The flag changes of one participant that are worth a log line. */
function participantChanges(before: Participant, after: Participant): Change[] {
  const name = displayName(after);
  const changes: Change[] = [];
  if (before.state === 'calling' && after.state === 'in-meeting') {
    changes.push({ kind: 'join', text: `${name} answered the call` });
  }
  if (before.role !== after.role || before.isCoHost !== after.isCoHost) {
    changes.push({ kind: 'meeting', text: `${name} is now ${roleText(after)}` });
  }
  if (before.handRaised !== after.handRaised) {
    changes.push({
      kind: 'hand',
      text: `${name} ${after.handRaised ? 'raised a hand' : 'lowered their hand'}`,
    });
  }
  if (before.muted !== after.muted) {
    changes.push({ kind: 'mic', text: `${name} ${after.muted ? 'muted' : 'unmuted'}` });
  }
  if (before.sharing !== after.sharing) {
    changes.push({ kind: 'share', text: `${name} ${after.sharing ? 'started' : 'stopped'} sharing` });
  }
  return changes;
}

/**
 * Joins, leaves and flag changes from one roster snapshot to the next. The first snapshot
 * (`before` undefined) is summed up in one line instead of a join per person: those people were
 * there before we looked.
 * @internal
 */
export function rosterChanges(before: Roster | undefined, after: Roster): Change[] {
  if (before === undefined) {
    const count = after.size;
    return [{ kind: 'join', text: `${count} ${count === 1 ? 'participant' : 'participants'} online` }];
  }
  const changes: Change[] = [];
  for (const [pid, now] of after) {
    const then = before.get(pid);
    if (then === undefined) {
      const how = now.state === 'calling' ? 'is being called' : `joined as ${roleText(now)}`;
      changes.push({ kind: 'join', text: `${displayName(now)} ${how}` });
    } else if (then !== now) {
      changes.push(...participantChanges(then, now));
    }
  }
  for (const [pid, then] of before) {
    if (after.has(pid)) continue;
    // A site that leaves while still ringing never answered (§6.9 reports why on inviteResults$).
    const how = then.state === 'calling' ? 'did not answer' : 'left';
    changes.push({ kind: 'leave', text: `${displayName(then)} ${how}` });
  }
  return changes;
}

/**
 * A line when the loudest speaker changes to someone; silence and reordering among the same
 * loudest speaker are not logged (pushes come up to twice a second, §6.7).
 * @internal
 */
export function speakerChanges(before: readonly ActiveSpeaker[], after: readonly ActiveSpeaker[]): Change[] {
  const loudest = after[0];
  if (loudest === undefined || loudest.pid === before[0]?.pid) return [];
  return [{ kind: 'speaker', text: `${displayName(loudest)} is speaking` }];
}

/**
 * Recording, lock and end of the meeting (§6.4), from one merged state to the next.
 * @internal
 */
export function meetingChanges(before: MeetingState | undefined, after: MeetingState): Change[] {
  const changes: Change[] = [];
  if (before === undefined) {
    if (after.recording) changes.push({ kind: 'meeting', text: 'Recording is on' });
    if (after.locked) changes.push({ kind: 'meeting', text: 'The meeting is locked' });
    return changes;
  }
  if (before.recording !== after.recording) {
    changes.push({ kind: 'meeting', text: after.recording ? 'Recording started' : 'Recording stopped' });
  }
  if (before.locked !== after.locked) {
    changes.push({
      kind: 'meeting',
      text: after.locked ? 'The meeting was locked' : 'The meeting was unlocked',
    });
  }
  if (before.state !== 'ended' && after.state === 'ended') {
    changes.push({ kind: 'meeting', text: 'The meeting ended' });
  }
  return changes;
}

/**
 * Connection changes worth a line: connecting from idle, live, each retry with its reason and
 * delay, and the end. The handshake's intermediate phases are not logged.
 * @internal
 */
export function statusChanges(before: MeetingStatus, after: MeetingStatus): Change[] {
  if (before.phase === after.phase && after.phase !== 'reconnecting') return [];
  switch (after.phase) {
    case 'connecting':
      return before.phase === 'idle' ? [{ kind: 'status', text: 'Connecting…' }] : [];
    case 'live':
      return [{ kind: 'status', text: 'Connected: receiving events' }];
    case 'reconnecting': {
      const seconds = Math.ceil(after.delayMs / 1000);
      return [
        {
          kind: 'status',
          text: `Connection failed (${after.lastError.code}: ${after.lastError.message}); retry ${after.attempt} in ${seconds}s`,
        },
      ];
    }
    case 'ended':
      return [{ kind: 'status', text: 'Disconnected: the meeting is over' }];
    case 'closed':
      return [
        {
          kind: 'status',
          text:
            after.lastError === undefined
              ? 'Disconnected'
              : `Disconnected (${after.lastError.code}: ${after.lastError.message})`,
        },
      ];
    default:
      return [];
  }
}
