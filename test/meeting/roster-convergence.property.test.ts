/**
 * Issue 7's property: for random runs of the simulator's script, folding what arrives gives exactly
 * the simulator's own roster (and waiting room), also with injected drops, duplicates, skipped and
 * reordered versions, once the gaps are healed. Each run is a seeded script on a manual clock,
 * advanced in random steps with a random fault before each step.
 *
 * Unit mode: a few runs (`FC_NUM_RUNS`, default 3). `SOAK=1`: 30 runs.
 */
import fc from 'fast-check';
import type { Subscription } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/simulator/index.js';
import type { Participant } from '../../src/state/participant.js';
import type { Roster } from '../../src/state/roster.js';
import type { WaitingRoom } from '../../src/state/waiting-room.js';
import { setUp, sleep, until } from './harness.js';
import { foldedOf, sameAsTruth, truthOf } from './state-helpers.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? (process.env.SOAK === '1' ? 30 : 3));
/** Real time per step for frames, reconnects and heals to play out. */
const SETTLE_MS = 12;
/**
 * The simulator's heartbeat timeout runs on the manual clock, the client's heartbeat on the real
 * one: far beyond any run, so only the injected faults break sockets.
 */
const NEVER_MS = 1e12;

type Fault = 'none' | 'drop' | 'duplicate' | 'skip' | 'reorder';
const faultArb = fc.constantFrom<Fault>('none', 'none', 'none', 'drop', 'duplicate', 'skip', 'reorder');
const stepArb = fc.record({ advanceMs: fc.integer({ min: 500, max: 9_000 }), fault: faultArb });
const runArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  steps: fc.array(stepArb, { minLength: 15, maxLength: 30 }),
});

/**
 * A run that once failed: a reordered incremental right after a reconnect's snapshot is accepted
 * without a gap, and its late predecessor was dropped as stale, losing a raised hand. Healing on
 * STALE_VERSION fixed it.
 */
const STALE_AFTER_SNAPSHOT = {
  seed: 482925,
  steps: [
    [508, 'none'],
    [6385, 'none'],
    [8205, 'none'],
    [7771, 'drop'],
    [6433, 'none'],
    [4310, 'duplicate'],
    [500, 'none'],
    [1650, 'drop'],
    [8090, 'none'],
    [508, 'drop'],
    [1765, 'duplicate'],
    [501, 'none'],
    [504, 'duplicate'],
    [1340, 'duplicate'],
    [8798, 'none'],
    [512, 'skip'],
    [8987, 'none'],
    [503, 'none'],
    [8996, 'none'],
    [4700, 'none'],
    [501, 'drop'],
    [1964, 'none'],
    [5138, 'none'],
    [4274, 'reorder'],
    [8988, 'none'],
    [7819, 'none'],
  ].map(([advanceMs, fault]) => ({ advanceMs: advanceMs as number, fault: fault as Fault })),
};

/**
 * A run that once failed under load: a reorder asked for while a message was already held made the
 * simulator discard the held one (a raised hand), right after the client's snapshot, where the next
 * version is accepted whatever its number (§6.0), so nothing could tell. Whether the snapshot came
 * before the loss depended on reconnect timing; the run below hit it about half the time with no
 * settle time between steps.
 */
const REORDER_WHILE_HELD = {
  seed: 9,
  steps: [
    [1135, 'drop'],
    [960, 'drop'],
    [512, 'none'],
    [1905, 'none'],
    [1811, 'none'],
    [7307, 'none'],
    [6728, 'none'],
    [4534, 'none'],
    [5303, 'skip'],
    [7604, 'skip'],
    [503, 'reorder'],
    [512, 'skip'],
    [512, 'reorder'],
    [4656, 'duplicate'],
    [8370, 'none'],
    [8997, 'none'],
    [512, 'none'],
  ].map(([advanceMs, fault]) => ({ advanceMs: advanceMs as number, fault: fault as Fault })),
};

describe('state streams converge to the simulator truth (property)', () => {
  it('roster$ and waitingRoom$ equal participants() and waitingRoom() after random faulty runs', async () => {
    await fc.assert(
      fc.asyncProperty(runArb, async ({ seed, steps }) => {
        const clock = createManualClock();
        const h = await setUp(
          // Issue 14: a type is healed at most once per heal timeout, so a second loss soon after a
          // heal waits that long (real time here); keep it well inside the convergence wait.
          { healTimeoutMs: 300 },
          {
            script: true,
            seed,
            clock,
            heartbeatTimeoutMs: NEVER_MS,
          },
        );
        const subs: Subscription[] = [];
        try {
          const { sim, meeting } = h;
          let roster: Roster | undefined;
          let waiting: WaitingRoom | undefined;
          const present = new Set<string>();
          const events: string[] = [];
          subs.push(meeting.roster$.subscribe((r) => (roster = r)));
          subs.push(meeting.waitingRoom$.subscribe((w) => (waiting = w)));
          subs.push(
            meeting.joined$.subscribe((p: Participant) => {
              if (present.has(p.pid)) events.push(`joined twice: ${p.pid}`);
              present.add(p.pid);
            }),
          );
          subs.push(
            meeting.left$.subscribe((p: Participant) => {
              if (!present.delete(p.pid)) events.push(`left without being present: ${p.pid}`);
            }),
          );
          await until(() => roster !== undefined && h.statuses.at(-1)?.phase === 'live');
          for (const pid of roster?.keys() ?? []) present.add(pid);

          for (const { advanceMs, fault } of steps) {
            if (fault === 'drop') sim.faults.dropConnections();
            else if (fault === 'duplicate') sim.faults.duplicateNextIncremental();
            else if (fault === 'skip') sim.faults.skipNextVersion();
            else if (fault === 'reorder') sim.faults.reorderNextIncrementals();
            clock.advance(advanceMs);
            await sleep(SETTLE_MS);
          }
          // Two probes: the first may be held back by a pending reorder fault, the second releases it.
          const host = [...sim.participants()].find(([, p]) => p['ROLE'] === '1')?.[0] ?? '';
          sim.update(host, { X_PROBE: '1' });
          sim.update(host, { X_PROBE: '2' });

          const converged = () =>
            sameAsTruth(roster, sim.participants()) && sameAsTruth(waiting, sim.waitingRoom());
          await until(converged, 4000).catch(() => undefined);
          expect(foldedOf(roster)).toEqual(truthOf(sim.participants()));
          expect(foldedOf(waiting)).toEqual(truthOf(sim.waitingRoom()));
          // joined$/left$ tell a consistent story: snapshot + arrivals − departures = the roster.
          expect(events).toEqual([]);
          expect([...present].sort()).toEqual([...sim.participants().keys()].sort());
        } finally {
          for (const s of subs) s.unsubscribe();
          await h.teardown();
        }
      }),
      { numRuns, endOnFailure: true, examples: [[STALE_AFTER_SNAPSHOT], [REORDER_WHILE_HELD]] },
    );
  }, 60_000);

  it('loses no change when a reorder is asked for while a message is held (first incremental after the snapshot)', async () => {
    const h = await setUp();
    const subs: Subscription[] = [];
    try {
      const { sim, meeting } = h;
      let roster: Roster | undefined;
      subs.push(meeting.roster$.subscribe((r) => (roster = r)));
      await until(() => roster !== undefined && h.statuses.at(-1)?.phase === 'live');
      const pid = [...sim.participants().keys()][1] ?? '';
      // The first ParticipantsNotify incremental after the snapshot is held back…
      sim.faults.reorderNextIncrementals();
      sim.update(pid, { HAND: '1' });
      // …and a second reorder is asked for before the next incremental, here of another type.
      sim.faults.reorderNextIncrementals();
      sim.addToWaitingRoom({ name: 'Dana Reyes' });
      sim.update(pid, { X_PROBE: '1' });
      sim.update(pid, { X_PROBE: '2' });
      await until(() => sameAsTruth(roster, sim.participants()), 2000).catch(() => undefined);
      expect(roster?.get(pid)?.raw.get('HAND')).toBe('1');
      expect(foldedOf(roster)).toEqual(truthOf(sim.participants()));
    } finally {
      for (const s of subs) s.unsubscribe();
      await h.teardown();
    }
  });
});
