import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { Subject } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_MS, startLiveView } from '../../../src/cli/view/live-view.js';
import type { ViewState } from '../../../src/cli/view/view-state.js';
import { at, meetingInfo, person, rosterOf, stateAfter, T0 } from './fixtures.js';

/** A terminal that records what is written to it. */
class FakeTerminal extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 20;
  readonly writes: string[] = [];
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
}

const roomWith = (n: number): ViewState =>
  stateAfter(
    at(T0).meeting(meetingInfo()),
    at(T0).roster(rosterOf(...Array.from({ length: n }, (_, i) => person(`p${i}`, `Person ${i}`)))),
  );

/** A live view without a keyboard, drawing on a fresh fake terminal, fed by the returned subject. */
function watchOnFakeTerminal() {
  const terminal = new FakeTerminal();
  const states = new Subject<ViewState>();
  const view = startLiveView({
    output: terminal as unknown as NodeJS.WriteStream,
    states,
    onQuit: () => {},
    now: () => T0,
  });
  return { terminal, states, view };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startLiveView (terminal driver)', () => {
  it('draws at once, then at most one frame per FRAME_MS however fast states come', async () => {
    const { terminal, states, view } = watchOnFakeTerminal();
    states.next(roomWith(1));
    expect(stripVTControlCharacters(terminal.writes.join(''))).toContain('Person 0');
    const before = terminal.writes.length;
    for (let i = 2; i <= 30; i++) states.next(roomWith(i)); // 29 states in no time
    await vi.advanceTimersByTimeAsync(FRAME_MS);
    // The trailing frame shows the newest state; the 28 in between were never drawn.
    expect(terminal.writes.length - before).toBe(1);
    expect(stripVTControlCharacters(terminal.writes.at(-1) ?? '')).toContain('30 online');
    view.stop();
  });

  it('redraws from a clear screen at the new size when the terminal is resized', async () => {
    const { terminal, states, view } = watchOnFakeTerminal();
    states.next(roomWith(3));
    await vi.advanceTimersByTimeAsync(FRAME_MS);
    terminal.columns = 40;
    const before = terminal.writes.length;
    terminal.emit('resize');
    await vi.advanceTimersByTimeAsync(FRAME_MS);
    const after = terminal.writes.slice(before).join('');
    expect(after).toContain('\u001b[2J'); // erase screen
    const frame = stripVTControlCharacters(after.slice(after.lastIndexOf('\u001b[H') + 3));
    const lines = frame.split('\n').filter((l) => l !== '');
    expect(lines.some((l) => l.startsWith('NAME'))).toBe(true);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    view.stop();
  });

  it('quits on q or Ctrl-C from a raw-mode keyboard, and gives the keyboard back', () => {
    const terminal = new FakeTerminal();
    const keyboard = Object.assign(new EventEmitter(), {
      isTTY: true,
      setRawMode: vi.fn(),
      resume: vi.fn(),
      pause: vi.fn(),
    });
    const onQuit = vi.fn();
    const view = startLiveView({
      output: terminal as unknown as NodeJS.WriteStream,
      input: keyboard as unknown as NodeJS.ReadStream,
      states: new Subject<ViewState>(),
      onQuit,
    });
    expect(keyboard.setRawMode).toHaveBeenLastCalledWith(true);
    keyboard.emit('data', Buffer.from('x'));
    expect(onQuit).not.toHaveBeenCalled();
    keyboard.emit('data', Buffer.from('\u0003'));
    keyboard.emit('data', Buffer.from('q'));
    expect(onQuit).toHaveBeenCalledTimes(2);
    view.stop(roomWith(2));
    expect(keyboard.setRawMode).toHaveBeenLastCalledWith(false);
    expect(keyboard.listenerCount('data')).toBe(0);
    // The last frame stays, without the "how to quit" line.
    expect(stripVTControlCharacters(terminal.writes.join(''))).not.toMatch(/q or Ctrl-C to quit\s*$/);
  });
});
