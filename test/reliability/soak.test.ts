/**
 * The CI variant of the chaos soak (issue 6 §1): ≈10 s of faults of every kind against a busy
 * simulated meeting, then the properties of the long soak, asserted.
 */
import { describe, expect, it } from 'vitest';
import { FAULT_KINDS, formatReport, rosterDifference, runSoak } from './chaos-soak.js';

describe('chaos soak (CI variant)', () => {
  it('keeps the roster true, comes back live, leaks nothing and leaves nothing open', async () => {
    const report = await runSoak({
      durationMs: 10_000,
      seed: 6,
      speed: 60,
      settleMs: 3000,
      pauseMs: [50, 200],
    });
    // The summary goes to the test output, so a CI failure shows the figures.
    console.info(formatReport(report));

    // Every kind of fault was injected at least once.
    expect(Object.keys(report.faults).sort()).toEqual([...FAULT_KINDS].sort());
    expect(report.reconnects).toBeGreaterThan(3);
    expect(report.rosterChecks).toBeGreaterThanOrEqual(FAULT_KINDS.length);
    expect(report.mismatches).toBe(0);
    expect(report.rosterStreamMismatches ?? 0).toBe(0);
    expect(report.notLiveAgain).toBe(0);
    expect(report.unhandled).toEqual([]);
    expect(report.pushes).toBeGreaterThan(50);
    expect(report.streamsNotCompleted).toEqual([]);
    expect(report.endPhase).toBe('ended');
    expect(report.socketsAfterClose).toBe(0);
    expect(report.handles.afterClose).toEqual({});
    expect(report.handles.lastQuarterMax).toBeLessThanOrEqual(report.handles.firstQuarterMax + 8);
    expect(report.heap.lastQuarterMb).toBeLessThan(report.heap.firstQuarterMb * 1.5 + 5);
    expect(report.secrets.issued).toBeGreaterThan(10);
    expect(report.secrets.where).toEqual([]);
  }, 30_000);

  it('the roster comparison notices a wrong roster (the check can fail)', () => {
    const truth = new Map([['p1', { NAME: 'Ann', MUTE: '0' }]]);
    const person = (raw: Record<string, string>) => ({ raw: new Map(Object.entries(raw)) });
    const roster = (raw: Record<string, string>) => new Map([['p1', person(raw)]]) as never;
    expect(rosterDifference(roster({ NAME: 'Ann', MUTE: '0' }), truth)).toBeUndefined();
    expect(rosterDifference(roster({ NAME: 'Ann', MUTE: '1' }), truth)).toBe('p1.MUTE: 1 ≠ 0');
    expect(rosterDifference(roster({ NAME: 'Ann', MUTE: '0', X: '1' }), truth)).toBe('p1: 3 keys, truth 2');
    expect(rosterDifference(new Map() as never, truth)).toBe('size 0, truth 1');
    expect(rosterDifference(undefined, truth)).toBe('no roster yet');
  });
});
