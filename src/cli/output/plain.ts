/**
 * Output when stdout is not a terminal: the event log as plain lines, one per change, no colours
 * and no cursor movement.
 */
import { filter, map, mergeMap, type Observable, scan } from 'rxjs';
import { localTimeOfDay } from '../view/render.js';
import type { LogEntry, ViewInput, ViewState } from '../view/view-state.js';
import { reduceView } from '../view/view-state.js';

/**
 * One log entry as a line: `HH:MM:SS  text`.
 * @internal
 */
export function formatPlainLine(entry: LogEntry, timeOfDay: (ms: number) => string = localTimeOfDay): string {
  return `${timeOfDay(entry.atMs)}  ${entry.text}\n`;
}

/**
 * The log entries each input adds, in order, as lines.
 * @internal
 */
export function plainLines(
  inputs: Observable<ViewInput>,
  initial: ViewState,
  timeOfDay: (ms: number) => string = localTimeOfDay,
): Observable<string> {
  return inputs.pipe(
    scan(
      (acc: { state: ViewState; fresh: readonly LogEntry[] }, input) => {
        const state = reduceView(acc.state, input);
        const added = state.nextSeq - acc.state.nextSeq;
        return { state, fresh: added === 0 ? [] : state.log.slice(-added) };
      },
      { state: initial, fresh: [] },
    ),
    filter((acc) => acc.fresh.length > 0),
    mergeMap((acc) => acc.fresh),
    map((entry) => formatPlainLine(entry, timeOfDay)),
  );
}
