/**
 * Turns changes of one meeting into push frames and hands them to the subscribed sockets:
 * full messages (`version = createTime`) and incremental ones (per-(conference, action) counter from
 * 1, shared by all sockets, never reset — §6.0), with the version faults applied on the way.
 */
import type { NotifyType } from '../protocol/notify-types.js';
import type { SimulatorClock } from './clock.js';
import type { FaultState } from './faults.js';
import { buildPush, buildSubtitlePush, fullPushMeta, type WireFrame } from './frames.js';

/** A socket as the publisher sees it. */
export interface PushTarget {
  isSubscribed(action: string): boolean;
  send(text: string): void;
}

/** Publishes the pushes of one meeting. */
export interface Publisher {
  /** A full message (msgMode 0) of `action` with `body` (see `buildPush`). */
  full(action: Exclude<NotifyType, 'RealTimeSubtitleNotify'>, body: WireFrame): void;
  /** A RealTimeSubtitleNotify (always full, string version/createTime, §6.10). */
  subtitle(data: WireFrame): void;
  /** An incremental message (msgMode 1) of `action` with `body`. */
  incremental(action: NotifyType, body: WireFrame): void;
  /** Delivers a message held back by the reorder fault, if any (used before the meeting ends). */
  flushHeld(): void;
  /** A fresh msgID: 32 lowercase hex characters (§6.0). */
  nextMsgId(): string;
}

/** What the publisher needs. */
export interface PublisherOptions {
  readonly conferenceId: string;
  readonly clock: SimulatorClock;
  readonly faults: FaultState;
  readonly targets: () => Iterable<PushTarget>;
  readonly nextMsgId: () => string;
}

interface Outgoing {
  readonly action: string;
  readonly text: string;
  readonly copies: number;
}

/** Creates the publisher of one meeting. */
export function createPublisher(options: PublisherOptions): Publisher {
  const { conferenceId, clock, faults } = options;
  const versions = new Map<string, number>();
  let held: Outgoing | undefined;

  const deliver = ({ action, text, copies }: Outgoing): void => {
    for (const target of [...options.targets()]) {
      if (!target.isSubscribed(action)) continue;
      for (let i = 0; i < copies; i++) target.send(text);
    }
  };

  const fullMeta = (action: string) => fullPushMeta(action, conferenceId, clock.now(), options.nextMsgId());

  return {
    nextMsgId: options.nextMsgId,
    full(action, body) {
      deliver({ action, text: JSON.stringify(buildPush(fullMeta(action), body)), copies: 1 });
    },
    subtitle(data) {
      const meta = fullMeta('RealTimeSubtitleNotify');
      deliver({ action: meta.action, text: JSON.stringify(buildSubtitlePush(meta, data)), copies: 1 });
    },
    incremental(action, body) {
      // §6.0 / §9.5: one counter per (conference, action) for the life of the meeting.
      const step = faults.skipNextVersion ? 2 : 1;
      faults.skipNextVersion = false;
      const version = (versions.get(action) ?? 0) + step;
      versions.set(action, version);
      const frame = buildPush(
        {
          action,
          confID: conferenceId,
          msgMode: 1,
          version,
          createTime: clock.now(),
          msgID: options.nextMsgId(),
        },
        body,
      );
      const outgoing: Outgoing = {
        action,
        text: JSON.stringify(frame),
        copies: faults.duplicateNextIncremental ? 2 : 1,
      };
      faults.duplicateNextIncremental = false;
      if (faults.reorderNextIncrementals) {
        faults.reorderNextIncrementals = false;
        // One message is held at a time, and the next incremental always releases it. A message
        // still held from an earlier reorder goes out first (that swap is cancelled): replacing
        // it would lose its change, which a client cannot notice when it is the first incremental
        // after a full message (§6.0).
        this.flushHeld();
        held = outgoing;
        return;
      }
      deliver(outgoing);
      this.flushHeld();
    },
    flushHeld() {
      const message = held;
      held = undefined;
      if (message !== undefined) deliver(message);
    },
  };
}
