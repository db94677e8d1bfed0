/**
 * SpeakerChangeNotify pacing (§6.7 simulator rule): a push only when the set or order of speakers
 * changes, and at most one every 500 ms; a change inside the window is sent at its end, carrying
 * whatever is current then.
 */
import type { SimulatorClock } from './clock.js';

/** §6.7: at most two SpeakerChangeNotify pushes per second. */
const SPEAKER_PUSH_INTERVAL_MS = 500;

/** Paces speaker pushes for one meeting. */
export interface SpeakerThrottle {
  /** The speakers changed: push now, or at the end of the current window. */
  changed(): void;
  /** Drops a pending push (meeting end, shutdown). */
  cancel(): void;
}

/**
 * @param key - identifies the current speaker set and order (pushes happen only when it changes)
 * @param push - sends the current speakers
 */
export function createSpeakerThrottle(
  clock: SimulatorClock,
  key: () => string,
  push: () => void,
): SpeakerThrottle {
  let timer: unknown;
  let lastPushAt = Number.NEGATIVE_INFINITY;
  let lastKey = key();

  const flush = (): void => {
    timer = undefined;
    const current = key();
    if (current === lastKey) return;
    lastKey = current;
    lastPushAt = clock.now();
    push();
  };

  return {
    changed() {
      if (timer !== undefined) return;
      const wait = lastPushAt + SPEAKER_PUSH_INTERVAL_MS - clock.now();
      if (wait <= 0) flush();
      else timer = clock.setTimeout(flush, wait);
    },
    cancel() {
      clock.clearTimeout(timer);
      timer = undefined;
    },
  };
}
