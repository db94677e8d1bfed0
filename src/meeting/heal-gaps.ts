/**
 * The operator that heals one socket's lists after a version gap (PROTOCOL.md §6.0, §9.6): ask for
 * a fresh full message with a second Subscribe, and fail the socket if none comes in time (a new
 * socket always starts with a snapshot).
 */
import { type MonoTypeOperatorFunction, Observable, type SchedulerLike, type Subscription } from 'rxjs';
import type { MeetingError } from '../errors.js';
import type { VersionWarning } from '../state/version-check.js';
import { isPush, type LinkEvent, linkWarning } from './link-events.js';
import type { MeetingWarning } from './warnings.js';

/**
 * The push types whose state is a list folded from incremental `mode` 0/1 items (§6.0): a lost
 * incremental message leaves the list wrong until the next full message.
 */
export const LIST_ACTIONS: ReadonlySet<string> = new Set([
  'ParticipantsNotify',
  'AttendeesNotify',
  'NetConditionNotify',
  'WaitingListNotify',
]);

/** Options of {@link healGaps}. */
export interface HealGapsOptions {
  /**
   * Push types that need a fresh full message although no gap was seen (a state fold started
   * while the socket was live: list pushes are not replayed).
   */
  readonly requests$: Observable<string>;
  /**
   * Sends the socket's current Subscribe frame again. Returns `false` when that cannot bring a full
   * message of `action` (no Subscribe sent yet, or `action` not in it): nothing is awaited then.
   */
  readonly resubscribe: (action: string) => boolean;
  /** Whether a gap or stale push of a list type asks for a full message by itself. */
  readonly onGaps: boolean;
  /** How long to wait for the full message, ms. */
  readonly timeoutMs: number;
  readonly scheduler: SchedulerLike;
}

/**
 * Whether a version warning means a list may now be wrong (§6.0): a gap, or a stale message (if
 * it was reordered rather than repeated, dropping it lost its change). A duplicate loses nothing.
 */
function signalsLoss(warning: MeetingWarning): warning is VersionWarning {
  return (
    (warning.code === 'VERSION_GAP' || warning.code === 'STALE_VERSION') && LIST_ACTIONS.has(warning.action)
  );
}

/**
 * How many heals of one push type in a row may be wasted before a socket gives up healing that
 * type (issue 14). A heal is wasted when {@link LOSSES_IN_A_ROW} losses of its type follow it with
 * no incremental push in sequence between them (the first one after a full message does not count:
 * it is accepted whatever its version, §6.0). A server whose versions always step by more than one
 * (§9.5 leaves their meaning open) would otherwise be asked for a snapshot for ever.
 * @category Meeting
 */
export const MAX_WASTED_HEALS = 3;
/** Losses in a row after a heal that make it wasted; see {@link MAX_WASTED_HEALS}. */
export const LOSSES_IN_A_ROW = 5;

function resyncTimeout(action: string, afterMs: number): MeetingError {
  return {
    code: 'RESYNC_TIMEOUT',
    action,
    afterMs,
    message: `no full ${action} within ${afterMs} ms of asking for one; reconnecting`,
  };
}

/**
 * Passes one socket's link events on, and heals: each request (a loss warning in the stream when
 * `onGaps`, or a value of `requests$`) resubscribes once and waits, as one scheduled action, for a
 * full (`msgMode` 0) push of its type; a request of a type whose heal is under way is ignored (one
 * Subscribe per heal, not one per gap). A heal not answered within `timeoutMs` fails the stream
 * with `RESYNC_TIMEOUT`.
 *
 * Bounds (issue 14): one type is healed at most once per `timeoutMs` (a request sooner is held and
 * made when that time is up, once however many came); after {@link MAX_WASTED_HEALS} wasted heals
 * of a type in a row (each followed by {@link LOSSES_IN_A_ROW} losses without a push in sequence),
 * the socket gives up healing that type: one `HEAL_GAVE_UP` warning, and its
 * pushes go on being delivered and folded (gaps are still warned). A new socket starts afresh.
 * Unsubscribing cancels every wait.
 */
export function healGaps(options: HealGapsOptions): MonoTypeOperatorFunction<LinkEvent> {
  const { timeoutMs, scheduler } = options;
  return (source) =>
    new Observable<LinkEvent>((subscriber) => {
      /** Per push type: the heal under way, a held request, how the last heals went. */
      let heals: Map<string, HealState> | undefined;
      const stateOf = (action: string): HealState => {
        heals ??= new Map();
        let state = heals.get(action);
        if (state === undefined) {
          state = {
            deadline: undefined,
            held: undefined,
            lastAt: undefined,
            losses: 0,
            sinceFull: 0,
            afterLoss: false,
            wasted: 0,
            gaveUp: false,
          };
          heals.set(action, state);
        }
        return state;
      };
      const heal = (action: string, state: HealState) => {
        if (state.wasted >= MAX_WASTED_HEALS) {
          state.gaveUp = true;
          subscriber.next(
            linkWarning({
              code: 'HEAL_GAVE_UP',
              action,
              heals: state.wasted,
              message: `${action}: ${state.wasted} heals in a row were each followed by ${LOSSES_IN_A_ROW} lost versions; no more heals on this socket`,
            }),
          );
          return;
        }
        if (!options.resubscribe(action)) return;
        state.lastAt = scheduler.now();
        state.losses = 0;
        // §9.6: a second Subscribe may not yield a snapshot on the real service; a new socket does.
        state.deadline = scheduler.schedule(
          () => subscriber.error(resyncTimeout(action, timeoutMs)),
          timeoutMs,
        );
      };
      const request = (action: string) => {
        const state = stateOf(action);
        if (state.gaveUp || state.deadline !== undefined || state.held !== undefined) return;
        const wait = state.lastAt === undefined ? 0 : state.lastAt + timeoutMs - scheduler.now();
        if (wait <= 0) {
          heal(action, state);
          return;
        }
        state.held = scheduler.schedule(() => {
          state.held = undefined;
          heal(action, state);
        }, wait);
      };
      subscriber.add(
        source.subscribe({
          next: (event) => {
            if (isPush(event)) {
              const state = heals?.get(event.action);
              if (state !== undefined && event.action !== 'UnknownNotify') {
                if (event.msgMode === 0) {
                  state.sinceFull = 0;
                  state.deadline?.unsubscribe();
                  state.deadline = undefined;
                  // A full message came anyway: a held request has nothing left to heal.
                  state.held?.unsubscribe();
                  state.held = undefined;
                } else {
                  state.sinceFull += 1;
                  // In sequence (no loss warned just before it), and not the free first one: healthy.
                  if (!state.afterLoss && state.sinceFull > 1) {
                    state.losses = 0;
                    state.wasted = 0;
                  }
                  state.afterLoss = false;
                }
              }
            } else if (options.onGaps && event.kind === 'warning' && signalsLoss(event.warning)) {
              const state = stateOf(event.warning.action);
              state.afterLoss = true;
              state.losses += 1;
              if (state.losses === LOSSES_IN_A_ROW && state.lastAt !== undefined) state.wasted += 1;
              subscriber.next(event);
              request(event.warning.action);
              return;
            }
            subscriber.next(event);
          },
          error: (error: unknown) => subscriber.error(error),
          complete: () => subscriber.complete(),
        }),
      );
      subscriber.add(options.requests$.subscribe({ next: request }));
      subscriber.add(() => {
        if (heals === undefined) return;
        for (const state of heals.values()) {
          state.deadline?.unsubscribe();
          state.held?.unsubscribe();
        }
      });
    });
}

/** One push type's heals on one socket. */
interface HealState {
  /** The deadline of the heal under way. */
  deadline: Subscription | undefined;
  /** A request held until one heal timeout after the last heal. */
  held: Subscription | undefined;
  /** When the last heal started. */
  lastAt: number | undefined;
  /** Losses since the last heal started (or since the last push in sequence). */
  losses: number;
  /** Incremental pushes since the last full message. */
  sinceFull: number;
  /** Set by a loss warning, cleared by the push that follows (a gap's push is delivered after its warning). */
  afterLoss: boolean;
  /** Heals in a row that were wasted. */
  wasted: number;
  /** Set once the socket gave up healing this type. */
  gaveUp: boolean;
}
