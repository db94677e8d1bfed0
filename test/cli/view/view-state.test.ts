import { describe, expect, it } from 'vitest';
import { LOG_LIMIT } from '../../../src/cli/view/view-state.js';
import { at, meetingInfo, person, rosterOf, speaker, stateAfter, T0 } from './fixtures.js';

const kenji = person('p1', 'Kenji Sato', { ROLE: '1' });
const priya = person('p2', 'Priya Nair');
const lena = person('p3', 'Lena Ortiz');
const texts = (state: { log: readonly { text: string }[] }) => state.log.map((e) => e.text);

describe('reduceView: the event log', () => {
  it('sums up the first roster instead of reporting everyone as joining', () => {
    const state = stateAfter(at(T0).roster(rosterOf(kenji, priya)));
    expect(texts(state)).toEqual(['2 participants online']);
    expect(state.roster?.size).toBe(2);
  });

  it('reports joins, leaves, hands, mic and sharing changes by name', () => {
    const state = stateAfter(
      at(T0).roster(rosterOf(kenji, priya)),
      at(T0 + 1).roster(rosterOf(kenji, priya, lena)),
      at(T0 + 2).roster(rosterOf(kenji, person('p2', 'Priya Nair', { HAND: '1', MUTE: '1' }), lena)),
      at(T0 + 3).roster(rosterOf(kenji, person('p2', 'Priya Nair', { SHARE: '1', MUTE: '1' }), lena)),
      at(T0 + 4).roster(rosterOf(kenji, lena)),
    );
    expect(texts(state)).toEqual([
      '2 participants online',
      'Lena Ortiz joined as participant',
      'Priya Nair raised a hand',
      'Priya Nair muted',
      'Priya Nair lowered their hand',
      'Priya Nair started sharing',
      'Priya Nair left',
    ]);
    expect(state.log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(state.log.map((e) => e.kind)).toEqual(['join', 'join', 'hand', 'mic', 'hand', 'share', 'leave']);
  });

  it('reports a call that rings and is answered, or not', () => {
    const state = stateAfter(
      at(T0).roster(rosterOf(kenji)),
      at(T0 + 1).roster(rosterOf(kenji, person('p9', 'Room Atlas', { STATE: '1' }))),
      at(T0 + 2).roster(rosterOf(kenji, person('p9', 'Room Atlas', { STATE: '0' }))),
    );
    expect(texts(state).slice(1)).toEqual(['Room Atlas is being called', 'Room Atlas answered the call']);
    const unanswered = stateAfter(
      at(T0).roster(rosterOf(kenji)),
      at(T0 + 1).roster(rosterOf(kenji, person('p9', 'Room Atlas', { STATE: '1' }))),
      at(T0 + 2).roster(rosterOf(kenji)),
    );
    expect(texts(unanswered).at(-1)).toBe('Room Atlas did not answer');
  });

  it('logs a speaker when the loudest one changes, not on every push', () => {
    const state = stateAfter(
      at(T0).roster(rosterOf(kenji, priya)),
      at(T0 + 1).speakers([speaker(kenji, 80)]),
      at(T0 + 2).speakers([speaker(kenji, 60), speaker(priya, 20)]),
      at(T0 + 3).speakers([speaker(priya, 70), speaker(kenji, 30)]),
      at(T0 + 4).speakers([]),
      at(T0 + 5).speakers([speaker(priya, 50)]),
    );
    expect(texts(state).slice(1)).toEqual([
      'Kenji Sato is speaking',
      'Priya Nair is speaking',
      'Priya Nair is speaking',
    ]);
  });

  it('logs recording, lock and connection changes, with the reason for a retry', () => {
    const state = stateAfter(
      at(T0).status({ phase: 'connecting' }),
      at(T0).status({ phase: 'opening' }),
      at(T0).status({ phase: 'live' }),
      at(T0).meeting(meetingInfo()),
      at(T0 + 1).meeting(meetingInfo({ recording: true })),
      at(T0 + 2).meeting(meetingInfo({ recording: true, locked: true })),
      at(T0 + 3).status({
        phase: 'reconnecting',
        attempt: 1,
        delayMs: 1500,
        lastError: {
          code: 'LIVENESS_TIMEOUT',
          kind: 'silence',
          afterMs: 120_000,
          message: 'no frame for 120 s',
        },
      }),
    );
    expect(texts(state)).toEqual([
      'Connecting…',
      'Connected: receiving events',
      'Recording started',
      'The meeting was locked',
      'Connection failed (LIVENESS_TIMEOUT: no frame for 120 s); retry 1 in 2s',
    ]);
    expect(state.statusSinceMs).toBe(T0 + 3);
  });

  it(`keeps only the newest ${LOG_LIMIT} entries`, () => {
    const inputs = [at(T0).roster(rosterOf())];
    for (let i = 0; i < LOG_LIMIT + 10; i++) {
      inputs.push(at(T0 + i).roster(rosterOf(person(`x${i}`, `Guest ${i}`))));
    }
    const state = stateAfter(...inputs);
    expect(state.log).toHaveLength(LOG_LIMIT);
    // Each step after the first guest is one join and one leave, joins first.
    expect(texts(state).slice(-2)).toEqual([
      `Guest ${LOG_LIMIT + 9} joined as participant`,
      `Guest ${LOG_LIMIT + 8} left`,
    ]);
    expect(state.nextSeq).toBe(2 * (LOG_LIMIT + 10) + 1);
    expect(state.log[0]?.seq).toBe(2 * (LOG_LIMIT + 10) + 1 - LOG_LIMIT);
  });
});
