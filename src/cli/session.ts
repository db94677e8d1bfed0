/**
 * One watch session, shared by `watch` and `demo`: shows a meeting in the chosen output until the
 * meeting ends, the connection gives up, or the user stops it; then says how it went.
 */
import {
  mergeMap,
  type Observable,
  type OperatorFunction,
  pairwise,
  type Subscription,
  scan,
  shareReplay,
  startWith,
  tap,
} from 'rxjs';
import type { Meeting } from '../meeting/meeting.js';
import type { MeetingStatus } from '../meeting/status.js';
import type { NotifyType } from '../protocol/notify-types.js';
import { type Outcome, outcomeOf } from './exit-codes.js';
import { viewInputs } from './feed.js';
import { STOP_SIGNALS } from './io.js';
import { ndjsonLines } from './output/ndjson.js';
import { plainLines } from './output/plain.js';
import { statusChanges } from './view/changes.js';
import { startLiveView } from './view/live-view.js';
import { initialViewState, reduceView, type ViewState } from './view/view-state.js';

/**
 * How the session shows the meeting: `live` (a TTY view redrawn in place), `plain` (log lines) or
 * `json` (NDJSON pushes on stdout; status and warnings on stderr).
 * @internal
 */
export type OutputMode = 'live' | 'plain' | 'json';

/**
 * What a session needs.
 * @internal
 */
export interface SessionOptions {
  readonly meeting: Meeting;
  readonly types: readonly NotifyType[];
  /** Also print pushes of undocumented types (json mode). */
  readonly includeUnknown: boolean;
  readonly mode: OutputMode;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
  /** The live view's last line. */
  readonly footer?: string;
  /** The process to take SIGINT/SIGTERM/SIGHUP from. @defaultValue process */
  readonly signals?: NodeJS.EventEmitter;
}

/** After the user stops, give the streams this long to complete before finishing anyway. */
const CLOSE_GRACE_MS = 1500;

/**
 * The output mode for stdout: `json` when asked, `live` on a terminal, else `plain`.
 * @internal
 */
export function chooseMode(json: boolean, stdout: { readonly isTTY?: boolean }): OutputMode {
  if (json) return 'json';
  return stdout.isTTY === true ? 'live' : 'plain';
}

/**
 * Runs the session; resolves with its outcome once everything is closed. Never rejects for a
 * meeting problem: those are outcomes.
 * @internal
 */
export function runSession(options: SessionOptions): Promise<Outcome> {
  const { meeting, stdout, stderr } = options;
  const signals = options.signals ?? process;
  let last: MeetingStatus = { phase: 'idle' };
  let wasLive = false;
  let stoppedByUser = false;
  const subscriptions: Subscription[] = [];

  return new Promise<Outcome>((resolve) => {
    let finished = false;
    let stopLive: ((state?: ViewState) => void) | undefined;
    let lastState: ViewState | undefined;

    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const s of subscriptions) s.unsubscribe();
      for (const signal of STOP_SIGNALS) signals.off(signal, stop);
      stdout.off('error', onOutputError);
      stopLive?.(lastState);
      meeting.close();
      resolve(outcomeOf(last, { wasLive, stoppedByUser }));
    };
    function stop(): void {
      if (stoppedByUser || finished) return;
      stoppedByUser = true;
      meeting.close(); // completes every stream, which finishes the session
      setTimeout(finish, CLOSE_GRACE_MS).unref();
    }
    // A closed pipe (e.g. `| head`) is the reader saying "enough".
    function onOutputError(error: NodeJS.ErrnoException): void {
      if (error.code === 'EPIPE') stop();
    }

    for (const signal of STOP_SIGNALS) signals.on(signal, stop);
    stdout.on('error', onOutputError);
    subscriptions.push(
      meeting.status$.subscribe((status) => {
        if (status.phase === 'live') wasLive = true;
        last = status;
      }),
    );

    const done = { complete: finish };
    const now = Date.now;
    const initial = initialViewState(meeting.conferenceId, now());
    const types = new Set(options.types);
    switch (options.mode) {
      case 'json': {
        subscriptions.push(
          meeting.status$.pipe(statusLines()).subscribe((text) => stderr.write(`${text}\n`)),
          meeting.warnings$.subscribe((w) => stderr.write(`warning ${w.code}: ${w.message}\n`)),
        );
        subscriptions.push(
          ndjsonLines(meeting, options.types, options.includeUnknown).subscribe({
            next: (line) => stdout.write(line),
            ...done,
          }),
        );
        break;
      }
      case 'plain': {
        subscriptions.push(
          plainLines(viewInputs(meeting, types, now), initial).subscribe({
            next: (line) => stdout.write(line),
            ...done,
          }),
        );
        break;
      }
      case 'live': {
        const states: Observable<ViewState> = viewInputs(meeting, types, now).pipe(
          scan(reduceView, initial),
          startWith(initial),
          tap((state) => {
            lastState = state;
          }),
          // The view and the end-watcher below share one fold; whoever subscribes second gets the latest.
          shareReplay({ bufferSize: 1, refCount: true }),
        );
        const view = startLiveView({
          output: stdout,
          input: options.stdin,
          states,
          onQuit: stop,
          ...(options.footer === undefined ? {} : { footer: options.footer }),
        });
        stopLive = (state) => view.stop(state);
        subscriptions.push(states.subscribe(done));
        break;
      }
    }
  });
}

/** Status changes worth a line, as text (for stderr in json mode). */
function statusLines(): OperatorFunction<MeetingStatus, string> {
  return (source) =>
    source.pipe(
      startWith<MeetingStatus>({ phase: 'idle' }),
      pairwise(),
      mergeMap(([before, after]) => statusChanges(before, after).map((change) => change.text)),
    );
}
