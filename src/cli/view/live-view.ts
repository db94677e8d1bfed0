/**
 * The terminal driver of the live view: redraws {@link renderView}'s lines in place with
 * `log-update` (only changed lines are rewritten, inside a synchronized-output block, so nothing
 * flickers), at most {@link FRAME_MS} apart, every second for the clocks, and at once, from a clean
 * screen, when the terminal is resized. Reads `q` and Ctrl-C from the keyboard.
 */
import ansiEscapes from 'ansi-escapes';
import { createLogUpdate } from 'log-update';
import pc from 'picocolors';
import {
  asyncScheduler,
  combineLatest,
  fromEvent,
  interval,
  map,
  merge,
  type Observable,
  startWith,
  tap,
  throttleTime,
} from 'rxjs';
import { renderView } from './render.js';
import type { ViewState } from './view-state.js';

/** At most ten frames a second: smooth to the eye, cheap for a busy meeting. */
export const FRAME_MS = 100;

/** Keys that quit: `q`, `Q`, Ctrl-C (ETX in raw mode) and Ctrl-D (EOT). */
const QUIT_KEYS = new Set(['q', 'Q', '\u0003', '\u0004']);

/**
 * What the live view draws on and listens to.
 * @internal
 */
export interface LiveViewOptions {
  /** A TTY: its `columns`, `rows` and `'resize'` events size the view. */
  readonly output: NodeJS.WriteStream;
  /** A TTY to read keys from; without one, only signals stop the view. */
  readonly input?: NodeJS.ReadStream;
  /** The states to show. */
  readonly states: Observable<ViewState>;
  /** Called when the user presses a quit key. */
  readonly onQuit: () => void;
  /** The last line of the screen. */
  readonly footer?: string;
  /** @defaultValue Date.now */
  readonly now?: () => number;
}

/**
 * A running live view.
 * @internal
 */
export interface LiveView {
  /** Draws `last` one more time (the final state), leaves it on screen and gives the terminal back. */
  stop(last?: ViewState): void;
}

/**
 * Starts drawing `states` on `output`.
 * @internal
 */
export function startLiveView(options: LiveViewOptions): LiveView {
  const { output, input, footer } = options;
  const now = options.now ?? Date.now;
  let draw = createLogUpdate(output);

  const paint = (state: ViewState, lastLine = footer): void => {
    const lines = renderView(state, {
      columns: output.columns ?? 80,
      // One line fewer than the screen: log-update keeps the cursor on the line below the frame.
      rows: (output.rows ?? 24) - 1,
      nowMs: now(),
      style: pc,
      ...(lastLine === undefined ? {} : { footer: lastLine }),
    });
    draw(lines.join('\n'));
  };

  const resized$ = fromEvent(output, 'resize').pipe(
    // After a resize the terminal may have re-wrapped the old frame, so log-update's idea of what
    // is on screen is wrong: start again from a clear screen.
    tap(() => {
      output.write(ansiEscapes.clearViewport);
      draw = createLogUpdate(output);
    }),
  );
  const subscription = combineLatest([options.states, merge(interval(1000), resized$).pipe(startWith(0))])
    .pipe(
      map(([state]) => state),
      throttleTime(FRAME_MS, asyncScheduler, { leading: true, trailing: true }),
    )
    .subscribe((state) => paint(state));

  const onKey = (data: Buffer | string): void => {
    const text = typeof data === 'string' ? data : data.toString('utf8');
    if ([...text].some((ch) => QUIT_KEYS.has(ch))) options.onQuit();
  };
  const keys = input?.isTTY === true ? input : undefined;
  if (keys !== undefined) {
    // Raw mode: typed characters do not echo over the view, and Ctrl-C arrives as a key.
    keys.setRawMode(true);
    keys.on('data', onKey);
    keys.resume();
  }

  let stopped = false;
  return {
    stop(last) {
      if (stopped) return;
      stopped = true;
      subscription.unsubscribe();
      // The last frame stays on screen; its "how to quit" line no longer applies.
      if (last !== undefined) paint(last, '');
      draw.done();
      if (keys !== undefined) {
        keys.off('data', onKey);
        keys.setRawMode(false);
        keys.pause();
      }
    },
  };
}
