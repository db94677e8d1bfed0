/**
 * The roster table: one row per participant (name, role, mic, camera, hand, sharing, speaking now),
 * columns sized by display width and dropped by priority when the terminal is narrow.
 */
import type { Participant } from '../../state/participant.js';
import type { ActiveSpeaker } from '../../state/speakers.js';
import { displayName } from './changes.js';
import { line, type Segment, type Style } from './line.js';
import { padTo, truncate } from './text.js';
import type { ViewState } from './view-state.js';

/** One table column; NAME is not one of these: it takes the width left over. */
interface Column {
  readonly header: string;
  readonly width: number;
  /** Lower priorities are dropped first when the terminal is narrow. */
  readonly priority: number;
  readonly cell: (p: Participant, speaker: ActiveSpeaker | undefined, style: Style) => Segment;
}

/** Five cells of volume (the scale is undocumented, §6.7; the simulator uses 0–100). */
function volumeBar(volume: number | undefined): string {
  if (volume === undefined) return 'speaking';
  const filled = Math.min(5, Math.max(1, Math.ceil(volume / 20)));
  return `${'▮'.repeat(filled)}${'▯'.repeat(5 - filled)} ${Math.round(volume)}`;
}

function roleOf(p: Participant): string {
  if (p.role === 'host') return 'host';
  if (p.isCoHost) return 'co-host';
  return p.role === 'unknown' ? '?' : p.role;
}

const COLUMNS: readonly Column[] = [
  {
    header: 'ROLE',
    width: 11,
    priority: 3,
    cell: (p, _s, st) => ({ text: roleOf(p), paint: p.role === 'host' ? st.cyan : undefined }),
  },
  {
    header: 'MIC',
    width: 5,
    priority: 5,
    cell: (p, _s, st) => (p.muted ? { text: 'muted', paint: st.dim } : { text: 'on', paint: st.green }),
  },
  // CAMERASTATE is seen only in an example (§6.5); VIDEO ("a video site") is the documented flag.
  {
    header: 'CAMERA',
    width: 6,
    priority: 1,
    cell: (p, _s, st) => (p.camera || p.video ? { text: 'on' } : { text: 'off', paint: st.dim }),
  },
  {
    header: 'HAND',
    width: 6,
    priority: 4,
    cell: (p, _s, st) => (p.handRaised ? { text: 'raised', paint: st.yellow } : { text: '' }),
  },
  {
    header: 'SHARING',
    width: 7,
    priority: 2,
    cell: (p, _s, st) => (p.sharing ? { text: 'sharing', paint: st.cyan } : { text: '' }),
  },
  {
    header: 'SPEAKING',
    width: 9,
    priority: 6,
    cell: (_p, s, st) => (s === undefined ? { text: '' } : { text: volumeBar(s.volume), paint: st.green }),
  },
];

const GAP = '  ';
const NAME_MIN = 10;
const NAME_MAX = 36;

/** The columns that fit next to a NAME of at least {@link NAME_MIN}, in display order. */
function columnsFor(width: number): { columns: readonly Column[]; nameWidth: number } {
  let columns = [...COLUMNS];
  const used = (cs: readonly Column[]) => cs.reduce((sum, c) => sum + GAP.length + c.width, 0);
  while (columns.length > 0 && width - used(columns) < NAME_MIN) {
    const lowest = Math.min(...columns.map((c) => c.priority));
    columns = columns.filter((c) => c.priority !== lowest);
  }
  return { columns, nameWidth: Math.max(1, Math.min(NAME_MAX, width - used(columns))) };
}

/** Hosts first, then by arrival, then by name: rows stay put while people speak. */
function byRoleThenArrival(a: Participant, b: Participant): number {
  const rank = (p: Participant) => (p.role === 'host' ? 0 : p.isCoHost ? 1 : p.role === 'audience' ? 3 : 2);
  return (
    rank(a) - rank(b) ||
    (a.joinedAtMs ?? Number.MAX_SAFE_INTEGER) - (b.joinedAtMs ?? Number.MAX_SAFE_INTEGER) ||
    displayName(a).localeCompare(displayName(b)) ||
    a.pid.localeCompare(b.pid)
  );
}

/**
 * The table's header and rows for `state`, at most `maxRows` participant rows (the last one then
 * says how many more there are), no line wider than `width`.
 * @internal
 */
export function rosterTable(state: ViewState, maxRows: number, width: number, style: Style): string[] {
  const { columns, nameWidth } = columnsFor(width);
  const header = [padTo('NAME', nameWidth), ...columns.map((c) => padTo(c.header, c.width))]
    .join(GAP)
    .trimEnd();
  const lines = [line([{ text: header, paint: style.bold }], width)];
  if (state.roster === undefined) {
    lines.push(line([{ text: 'waiting for the participant list…', paint: style.dim }], width));
    return lines;
  }
  const people = [...state.roster.values()].sort(byRoleThenArrival);
  if (people.length === 0) {
    lines.push(line([{ text: 'nobody online', paint: style.dim }], width));
    return lines;
  }
  const speaking = new Map(state.speakers.map((s) => [s.pid, s]));
  const room = Math.max(1, maxRows);
  const shown = people.length <= room ? people : people.slice(0, room - 1);
  for (const p of shown) {
    const speaker = speaking.get(p.pid);
    const name = p.state === 'calling' ? `${displayName(p)} (ringing)` : displayName(p);
    const namePaint = speaker === undefined ? undefined : (t: string) => style.bold(style.green(t));
    const cells: Cell[] = [{ text: name, width: nameWidth, paint: namePaint }];
    for (const column of columns) cells.push({ ...column.cell(p, speaker, style), width: column.width });
    lines.push(line(rowSegments(cells), width));
  }
  if (shown.length < people.length) {
    lines.push(line([{ text: `… and ${people.length - shown.length} more`, paint: style.dim }], width));
  }
  return lines;
}

/** A table cell: its text, its column width and its colour. */
interface Cell extends Segment {
  readonly width: number;
}

/**
 * A row's segments: cells padded to their column and separated by {@link GAP}, up to the last
 * non-empty cell, which is only cut (so lines carry no trailing spaces).
 */
function rowSegments(cells: readonly Cell[]): Segment[] {
  let last = cells.length - 1;
  while (last > 0 && (cells[last]?.text ?? '') === '') last -= 1;
  const segments: Segment[] = [];
  cells.slice(0, last + 1).forEach((cell, i) => {
    if (i > 0) segments.push({ text: GAP });
    const text = i === last ? truncate(cell.text, cell.width) : padTo(cell.text, cell.width);
    segments.push({ text, paint: cell.text === '' ? undefined : cell.paint });
  });
  return segments;
}
