/**
 * The simulator's sense of time. Everything timed in the simulator (script, heartbeat timeout,
 * token lifetimes, speaker throttling, injected delays) goes through one {@link SimulatorClock}, so a
 * {@link createManualClock | manual clock} can run a long meeting in milliseconds of real time.
 */

/**
 * A source of time and timers. `now()` is ms since the epoch; handles are opaque.
 * @category Simulator
 */
export interface SimulatorClock {
  /** The current time, ms since the epoch. */
  now(): number;
  /** Runs `fn` once, `ms` milliseconds of this clock's time from now. */
  setTimeout(fn: () => void, ms: number): unknown;
  /** Cancels a timer returned by {@link SimulatorClock.setTimeout}; unknown handles are ignored. */
  clearTimeout(handle: unknown): void;
}

/**
 * A clock that only moves when told to.
 * @category Simulator
 */
export interface ManualClock extends SimulatorClock {
  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in due order (ties in
   * scheduling order), including timers scheduled by the timers it fires.
   */
  advance(ms: number): void;
}

/** 2026-01-01T09:00:00Z: a plausible meeting morning, so manual-clock timestamps look real. */
const DEFAULT_MANUAL_START_MS = Date.UTC(2026, 0, 1, 9, 0, 0);

interface ManualTimer {
  readonly id: number;
  readonly due: number;
  readonly fn: () => void;
}

/**
 * A virtual clock for tests and fast-forwarded scripts.
 *
 * @param startMs - the initial `now()`; defaults to 2026-01-01T09:00:00Z.
 * @example
 * ```ts
 * const clock = createManualClock();
 * const sim = await startSimulator({ clock });
 * clock.advance(10 * 60_000); // ten scripted minutes, instantly
 * ```
 * @category Simulator
 */
export function createManualClock(startMs: number = DEFAULT_MANUAL_START_MS): ManualClock {
  let now = startMs;
  let nextId = 1;
  let timers: ManualTimer[] = [];

  const takeNextDue = (limit: number): ManualTimer | undefined => {
    let best: ManualTimer | undefined;
    for (const timer of timers) {
      if (timer.due <= limit && (best === undefined || timer.due < best.due)) best = timer;
    }
    if (best !== undefined) timers = timers.filter((t) => t !== best);
    return best;
  };

  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ id, due: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout(handle) {
      timers = timers.filter((t) => t.id !== handle);
    },
    advance(ms) {
      const target = now + Math.max(0, ms);
      for (let timer = takeNextDue(target); timer !== undefined; timer = takeNextDue(target)) {
        now = Math.max(now, timer.due);
        timer.fn();
      }
      now = target;
    },
  };
}

/**
 * The wall clock (`Date.now` and the global timers).
 * @category Simulator
 */
export function createRealClock(): SimulatorClock {
  return {
    now: () => Date.now(),
    setTimeout: (fn, ms) => {
      const handle = setTimeout(fn, Math.max(0, ms));
      // A simulator left running must not keep a finished test process alive.
      handle.unref?.();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}
