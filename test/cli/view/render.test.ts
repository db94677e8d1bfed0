import { stripVTControlCharacters } from 'node:util';
import pc from 'picocolors';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatDuration, renderView } from '../../../src/cli/view/render.js';
import type { ViewState } from '../../../src/cli/view/view-state.js';
import { at, meetingInfo, person, rosterOf, speaker, stateAfter, T0 } from './fixtures.js';

const host = person('p-host', 'Kenji Sato', {
  ROLE: '1',
  MUTE: '1',
  VIDEO: '1',
  ADDTIME: String(T0 - 600_000),
});
const priya = person('p-priya', 'Priya Nair', { HAND: '1', SHARE: '1', ADDTIME: String(T0 - 300_000) });
const lena = person('p-lena', 'Lena Ortiz', { ADDTIME: String(T0 - 400_000) });

function liveMeeting(): ViewState {
  const t = at(T0);
  return stateAfter(
    t.status({ phase: 'live' }),
    t.meeting(meetingInfo({ recording: true, locked: true })),
    t.roster(rosterOf(priya, host, lena)),
    t.speakers([speaker(lena, 72)]),
  );
}

const render = (state: ViewState, columns = 100, rows = 30) =>
  renderView(state, { columns, rows, nowMs: T0, timeOfDay: () => '12:00:00' });

/** The table's header line and rows (up to the blank line after it). */
function table(lines: readonly string[]): { header: string; rows: string[] } {
  const start = lines.findIndex((l) => l.startsWith('NAME'));
  expect(start, `no table header in:\n${lines.join('\n')}`).toBeGreaterThan(-1);
  const end = lines.indexOf('', start);
  return { header: lines[start] ?? '', rows: lines.slice(start + 1, end) };
}

/** The text of `column` in `row`, found by the header's column positions. */
function cell(header: string, row: string, column: string): string {
  const names = ['NAME', 'ROLE', 'MIC', 'CAMERA', 'HAND', 'SHARING', 'SPEAKING'].filter((n) =>
    header.includes(n),
  );
  const from = header.indexOf(column);
  const next = names.map((n) => header.indexOf(n)).find((i) => i > from) ?? row.length;
  return row.slice(from, next).trim();
}

describe('renderView (pure)', () => {
  it('shows the header: title, state, recording, lock, duration and head count', () => {
    const [header, status] = render(liveMeeting());
    expect(header).toBe('Quarterly planning sync · running · ● REC · locked · 00:12:34 · 3 online');
    expect(status).toBe('● live · conference 913570246');
  });

  it('lists every participant with role, mic, camera, hand, sharing and who speaks now', () => {
    const { header, rows } = table(render(liveMeeting()));
    expect(header).toMatch(/^NAME\s+ROLE\s+MIC\s+CAMERA\s+HAND\s+SHARING\s+SPEAKING$/);
    // Host first, then by arrival: Lena came before Priya.
    expect(rows.map((r) => cell(header, r, 'NAME'))).toEqual(['Kenji Sato', 'Lena Ortiz', 'Priya Nair']);
    const [kenji, lenaRow, priyaRow] = rows as [string, string, string];
    expect(
      ['ROLE', 'MIC', 'CAMERA', 'HAND', 'SHARING', 'SPEAKING'].map((c) => cell(header, kenji, c)),
    ).toEqual(['host', 'muted', 'on', '', '', '']);
    expect(cell(header, lenaRow, 'SPEAKING')).toBe('▮▮▮▮▯ 72');
    expect(cell(header, lenaRow, 'CAMERA')).toBe('off');
    expect(cell(header, priyaRow, 'HAND')).toBe('raised');
    expect(cell(header, priyaRow, 'SHARING')).toBe('sharing');
    expect(cell(header, priyaRow, 'SPEAKING')).toBe('');
    for (const row of rows) expect(row).toBe(row.trimEnd());
  });

  it('keeps every line within the width, cutting long text with an ellipsis', () => {
    const long = person('p-long', 'Maximilian Alexander Montgomery-Fitzwilliam the Third of Somewhere');
    const state = stateAfter(
      at(T0).meeting(
        meetingInfo({ title: 'A very long meeting title that goes on and on about everything' }),
      ),
      at(T0).roster(rosterOf(host, long)),
      at(T0).status({ phase: 'live' }),
    );
    for (let columns = 12; columns <= 140; columns += 4) {
      for (const line of render(state, columns))
        expect(stringWidth(line), `${columns}: ${line}`).toBeLessThanOrEqual(columns);
    }
    const narrow = render(state, 60);
    expect(narrow[0]).toMatch(/^A very long .*…/);
    expect(narrow.some((l) => l.startsWith('Maximilian') && l.includes('…'))).toBe(true);
  });

  it('drops the least useful columns first when the terminal is narrow', () => {
    const { header } = table(render(liveMeeting(), 60));
    expect(header).not.toContain('CAMERA');
    expect(header).toContain('SPEAKING');
    const tiny = table(render(liveMeeting(), 30)).header;
    expect(tiny).toMatch(/^NAME/);
    expect(tiny).toContain('SPEAKING');
    expect(tiny).not.toContain('ROLE');
  });

  it('aligns columns by display width, with double-width names', () => {
    const wang = person('p-wang', '王小明', { ADDTIME: String(T0 - 500_000) });
    const state = stateAfter(at(T0).roster(rosterOf(host, wang)));
    const { header, rows } = table(render(state));
    const roleColumn = stringWidth(header.slice(0, header.indexOf('ROLE')));
    for (const row of rows) {
      const role = row.search(/host|participant/);
      expect(stringWidth(row.slice(0, role))).toBe(roleColumn);
    }
  });

  it('fits the height: roster rows give way with a count, the newest log entries stay', () => {
    const people = Array.from({ length: 12 }, (_, i) =>
      person(`p${i}`, `Person ${String(i).padStart(2, '0')}`, { ADDTIME: String(T0 + i) }),
    );
    // An empty room, then one join at a time: twelve log entries.
    const state = stateAfter(
      at(T0).roster(rosterOf()),
      ...people.map((_, i) => at(T0 + i).roster(rosterOf(...people.slice(0, i + 1)))),
    );
    const lines = render(state, 80, 16);
    expect(lines.length).toBeLessThanOrEqual(16);
    expect(lines.some((l) => /^… and \d+ more$/.test(l))).toBe(true);
    expect(lines).toContain('12:00:00  Person 11 joined as participant');
    expect(lines.at(-1)).toBe('q or Ctrl-C to quit');
  });

  it('counts down to the next reconnection attempt and says why', () => {
    const error = { code: 'NETWORK', message: 'connect ECONNREFUSED' } as const;
    const state = stateAfter(
      at(T0).status({ phase: 'reconnecting', attempt: 2, delayMs: 5000, lastError: error }),
    );
    const status = (nowMs: number) => renderView(state, { columns: 120, rows: 20, nowMs })[1];
    expect(status(T0 + 1200)).toBe(
      '↻ reconnecting in 4s (attempt 2) · NETWORK: connect ECONNREFUSED · conference 913570246',
    );
    expect(status(T0 + 4100)).toContain('reconnecting in 1s');
  });

  it('says what it is waiting for before the first pushes', () => {
    const lines = render(stateAfter(at(T0).status({ phase: 'connecting' })));
    expect(lines[0]).toBe('Conference 913570246 · waiting for meeting information…');
    expect(lines[1]).toMatch(/^◌ connecting…/);
    expect(lines).toContain('waiting for the participant list…');
  });

  it('colours never change the layout', () => {
    const state = liveMeeting();
    const plain = renderView(state, { columns: 90, rows: 25, nowMs: T0 });
    const coloured = renderView(state, { columns: 90, rows: 25, nowMs: T0, style: pc.createColors(true) });
    expect(coloured.join('\n')).not.toBe(plain.join('\n'));
    expect(coloured.map((l) => stripVTControlCharacters(l))).toEqual(plain);
  });

  it('formats durations as HH:MM:SS', () => {
    expect(formatDuration(0)).toBe('00:00:00');
    expect(formatDuration(3_723_999)).toBe('01:02:03');
    expect(formatDuration(-5)).toBe('00:00:00');
  });
});
