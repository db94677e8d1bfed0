/**
 * The throttle in front of `warnings$` (issue 14): a server can cause a warning per frame (200,000
 * junk frames in 10 s), and a consumer that logs each one would drown. Per warning code, at most
 * {@link MAX_WARNINGS_PER_CODE} pass in each {@link WARNING_WINDOW_MS} window; the rest are counted
 * and told as one `WARNINGS_SUPPRESSED` warning when the window ends.
 */
import type { SchedulerLike, Subscription } from 'rxjs';
import type { MeetingWarning } from './warnings.js';

/**
 * The throttle window of `warnings$`, ms.
 * @category Meeting
 */
export const WARNING_WINDOW_MS = 1000;
/**
 * How many warnings of one code pass in one {@link WARNING_WINDOW_MS} window; later ones of that
 * code in the window are counted into one `WARNINGS_SUPPRESSED` warning.
 * @category Meeting
 */
export const MAX_WARNINGS_PER_CODE = 10;

/** One code's current window. */
interface Window {
  readonly start: number;
  passed: number;
  suppressed: number;
  flush: Subscription | undefined;
}

/** A throttle; see {@link warningThrottle}. */
export interface WarningThrottle {
  /** Passes `warning` on to `emit`, unless its code is over the limit in the current window. */
  push(warning: MeetingWarning): void;
  /** Cancels the pending summaries (the meeting stopped: nothing is told after). */
  stop(): void;
}

/** A throttle that passes warnings on to `emit`, its windows timed on `scheduler`. */
export function warningThrottle(
  emit: (warning: MeetingWarning) => void,
  scheduler: SchedulerLike,
): WarningThrottle {
  const windows = new Map<string, Window>();
  const flush = (code: string) => {
    const window = windows.get(code);
    windows.delete(code);
    if (window === undefined || window.suppressed === 0) return;
    emit({
      code: 'WARNINGS_SUPPRESSED',
      suppressedCode: code,
      count: window.suppressed,
      windowMs: WARNING_WINDOW_MS,
      message: `${window.suppressed} more ${code} warning(s) within ${WARNING_WINDOW_MS} ms were not told one by one`,
    });
  };
  return {
    push: (warning) => {
      const now = scheduler.now();
      let window = windows.get(warning.code);
      if (window !== undefined && now - window.start >= WARNING_WINDOW_MS) {
        window.flush?.unsubscribe();
        flush(warning.code);
        window = undefined;
      }
      if (window === undefined) {
        window = { start: now, passed: 0, suppressed: 0, flush: undefined };
        windows.set(warning.code, window);
      }
      if (window.passed < MAX_WARNINGS_PER_CODE) {
        window.passed += 1;
        emit(warning);
        return;
      }
      window.suppressed += 1;
      const code = warning.code;
      window.flush ??= scheduler.schedule(() => flush(code), window.start + WARNING_WINDOW_MS - now);
    },
    stop: () => {
      for (const window of windows.values()) window.flush?.unsubscribe();
      windows.clear();
    },
  };
}
