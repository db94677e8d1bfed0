/**
 * The live view as text: a pure function from {@link ViewState} and the terminal's size to the
 * lines to show. No I/O, no clock, no terminal codes except the colours of the `style` passed in,
 * so tests read the output as plain text.
 */
import type { MeetingStatus } from '../../meeting/status.js';
import type { ChangeKind } from './changes.js';
import { line, PLAIN_STYLE, type Segment, type Style } from './line.js';
import { rosterTable } from './roster-table.js';
import { displayWidth, truncate } from './text.js';
import type { LogEntry, ViewState } from './view-state.js';

export { PLAIN_STYLE, type Style } from './line.js';

/**
 * How to draw.
 * @internal
 */
export interface RenderOptions {
  /** Terminal width: no line is wider. */
  readonly columns: number;
  /** Lines available: never more lines than this. */
  readonly rows: number;
  /** Now, for the duration and the reconnect countdown (ms since the epoch). */
  readonly nowMs: number;
  /** @defaultValue {@link PLAIN_STYLE} */
  readonly style?: Style;
  /** The last line, e.g. how to quit. @defaultValue `'q or Ctrl-C to quit'` */
  readonly footer?: string;
  /** How a log entry's time prints. @defaultValue local `HH:MM:SS` */
  readonly timeOfDay?: (ms: number) => string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * `ms` as `HH:MM:SS` (hours grow past 99 if they must).
 * @internal
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${pad2(Math.floor(total / 3600))}:${pad2(Math.floor(total / 60) % 60)}:${pad2(total % 60)}`;
}

/**
 * Local wall-clock time of `ms` as `HH:MM:SS`.
 * @internal
 */
export function localTimeOfDay(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

const SEPARATOR: Segment = { text: ' · ' };
/** The header's title keeps at least this many columns. */
const TITLE_MIN = 16;

function headerLine(state: ViewState, o: Required<Omit<RenderOptions, 'footer'>>): string {
  const { style } = o;
  const m = state.meeting;
  if (m === undefined) {
    return line(
      [
        { text: `Conference ${state.conferenceId}`, paint: style.bold },
        SEPARATOR,
        { text: 'waiting for meeting information…', paint: style.dim },
      ],
      o.columns,
    );
  }
  const stateText = m.state === 'running' ? 'running' : m.state === 'unknown' ? 'state unknown' : m.state;
  const stateSegment: Segment = {
    text: stateText,
    paint: m.state === 'running' ? style.green : m.state === 'ended' ? style.red : style.yellow,
  };
  // Each item after the title, with how readily it goes when the line is too narrow (higher goes
  // first): the "off" states say least.
  const items: { segment: Segment; dropRank: number }[] = [{ segment: stateSegment, dropRank: 0 }];
  items.push(
    m.recording
      ? { segment: { text: '● REC', paint: style.red }, dropRank: 0 }
      : { segment: { text: 'not recording', paint: style.dim }, dropRank: 4 },
    m.locked
      ? { segment: { text: 'locked', paint: style.yellow }, dropRank: 0 }
      : { segment: { text: 'unlocked', paint: style.dim }, dropRank: 3 },
  );
  const start = m.startTime?.getTime();
  if (start !== undefined) {
    const end = m.state === 'ended' ? (m.endTime?.getTime() ?? state.statusSinceMs) : o.nowMs;
    items.push({ segment: { text: formatDuration(end - start) }, dropRank: 1 });
  }
  if (state.roster !== undefined)
    items.push({ segment: { text: `${state.roster.size} online` }, dropRank: 2 });
  const title = m.title?.trim() || `Conference ${state.conferenceId}`;
  const widthOf = (list: typeof items) =>
    list.reduce((sum, item) => sum + displayWidth(SEPARATOR.text) + displayWidth(item.segment.text), 0);
  let kept = items;
  while (widthOf(kept) + TITLE_MIN > o.columns && kept.some((item) => item.dropRank > 0)) {
    const worst = Math.max(...kept.map((item) => item.dropRank));
    kept = kept.filter((item) => item.dropRank !== worst);
  }
  const rest = kept.flatMap((item) => [SEPARATOR, item.segment]);
  // The title gives way first, but keeps enough to be recognisable.
  const titleRoom = Math.max(TITLE_MIN, o.columns - widthOf(kept));
  return line([{ text: truncate(title, titleRoom), paint: style.bold }, ...rest], o.columns);
}

function statusSegments(status: MeetingStatus, sinceMs: number, nowMs: number, style: Style): Segment[] {
  switch (status.phase) {
    case 'idle':
      return [{ text: '○ not connected', paint: style.dim }];
    case 'connecting':
    case 'opening':
    case 'subscribing':
      return [{ text: `◌ ${status.phase}…`, paint: style.yellow }];
    case 'live':
      return [{ text: '● live', paint: style.green }];
    case 'reconnecting': {
      const seconds = Math.max(0, Math.ceil((sinceMs + status.delayMs - nowMs) / 1000));
      return [
        { text: `↻ reconnecting in ${seconds}s`, paint: style.yellow },
        {
          text: ` (attempt ${status.attempt}) · ${status.lastError.code}: ${status.lastError.message}`,
          paint: style.dim,
        },
      ];
    }
    case 'ended':
      return [{ text: '■ meeting ended', paint: style.red }];
    case 'closed': {
      const error = status.lastError;
      return [
        { text: '✕ disconnected', paint: style.red },
        ...(error === undefined ? [] : [{ text: ` · ${error.code}: ${error.message}`, paint: style.dim }]),
      ];
    }
  }
}

function statusLine(state: ViewState, o: Required<Omit<RenderOptions, 'footer'>>): string {
  const segments = statusSegments(state.status, state.statusSinceMs, o.nowMs, o.style);
  return line(
    [...segments, SEPARATOR, { text: `conference ${state.conferenceId}`, paint: o.style.dim }],
    o.columns,
  );
}

const KIND_PAINT: Readonly<Record<ChangeKind, keyof Style | undefined>> = {
  join: 'green',
  leave: 'red',
  hand: 'yellow',
  mic: undefined,
  share: 'cyan',
  speaker: undefined,
  meeting: 'bold',
  status: 'yellow',
};

function logLine(entry: LogEntry, o: Required<Omit<RenderOptions, 'footer'>>): string {
  const paintName = KIND_PAINT[entry.kind];
  return line(
    [
      { text: `${o.timeOfDay(entry.atMs)}  `, paint: o.style.dim },
      { text: entry.text, paint: paintName === undefined ? undefined : o.style[paintName] },
    ],
    o.columns,
  );
}

/** Lines besides the table rows and log entries: header, status, blank, table header, blank, log title, footer. */
const FIXED_LINES = 7;
/** The log keeps at least this many lines (when it has them) before the roster takes the rest. */
const LOG_MIN = 4;

/**
 * The screen for `state`: header, connection status, roster table and the newest log entries,
 * fitted to `columns` × `rows` (the roster and the log share the height; the roster says how many
 * it could not show).
 * @internal
 * @example
 * ```ts
 * const lines = renderView(state, { columns: 100, rows: 30, nowMs: Date.now() });
 * ```
 */
export function renderView(state: ViewState, options: RenderOptions): string[] {
  const o = {
    columns: Math.max(1, Math.floor(options.columns)),
    rows: Math.max(0, Math.floor(options.rows)),
    nowMs: options.nowMs,
    style: options.style ?? PLAIN_STYLE,
    timeOfDay: options.timeOfDay ?? localTimeOfDay,
  };
  const footer = options.footer ?? 'q or Ctrl-C to quit';
  const available = Math.max(0, o.rows - FIXED_LINES);
  const rosterSize = state.roster === undefined ? 1 : Math.max(1, state.roster.size);
  const logWanted = Math.max(1, state.log.length);
  const logReserve = Math.min(logWanted, LOG_MIN, Math.floor(available / 2));
  const rosterRows = Math.max(1, Math.min(rosterSize, available - logReserve));
  const logRows = Math.max(0, Math.min(logWanted, available - rosterRows));

  const lines = [
    headerLine(state, o),
    statusLine(state, o),
    '',
    ...rosterTable(state, rosterRows, o.columns, o.style),
    '',
  ];
  lines.push(line([{ text: 'Recent events', paint: o.style.bold }], o.columns));
  if (state.log.length === 0) lines.push(line([{ text: 'nothing yet', paint: o.style.dim }], o.columns));
  else for (const entry of state.log.slice(-Math.max(1, logRows))) lines.push(logLine(entry, o));
  lines.push(line([{ text: footer, paint: o.style.dim }], o.columns));
  return lines.slice(0, o.rows);
}
