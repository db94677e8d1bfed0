/**
 * Warnings raised while folding pushes into state. They are values, not exceptions (STYLE.md:
 * failure as a value, all the way to the user's `warnings$`); the fold always goes on.
 * @module
 */

/**
 * What went wrong, as a stable string to branch on (the version codes come from
 * `checkVersion`, whose `VersionWarning` is a `StateWarning` too):
 *
 * | code | meaning | what the fold did |
 * |---|---|---|
 * | `DUPLICATE_VERSION` | incremental `version` equal to the last one applied (§6.0) | dropped the message |
 * | `STALE_VERSION` | incremental `version` lower than the last one applied (§6.0) | dropped the message |
 * | `VERSION_GAP` | incremental `version` jumped by more than 1: messages were probably lost (§6.0) | applied it; a fresh full state is needed to heal |
 * | `UNKNOWN_REMOVE` | `mode: 1` for an id the state does not hold | nothing |
 * | `UPDATE_UNKNOWN_WITHOUT_NAME` | `mode: 0` for an unknown pid whose `pinfoMap` has no `NAME`, so the person was probably missed earlier | created the person anyway (§6.5) |
 * | `ATTENDEE_WITHOUT_ID` | an attendee item with none of `userUUID`, `participantID`, `phone` (§6.6) | skipped the item |
 * @category State
 */
export type StateWarningCode =
  | 'DUPLICATE_VERSION'
  | 'STALE_VERSION'
  | 'VERSION_GAP'
  | 'UNKNOWN_REMOVE'
  | 'UPDATE_UNKNOWN_WITHOUT_NAME'
  | 'ATTENDEE_WITHOUT_ID';

/**
 * One problem found while folding a push. Carries no secrets (pushes folded here hold none).
 * @category State
 */
export interface StateWarning {
  readonly code: StateWarningCode;
  /** The push type the message had, e.g. `ParticipantsNotify`. */
  readonly action: string;
  /** A readable description. */
  readonly message: string;
  /** The message's `version`. */
  readonly version: number;
  /** The last incremental `version` applied before it, for the version codes. */
  readonly lastVersion?: number;
  /** The id involved (pid, or attendee id), for the item codes. */
  readonly id?: string;
}
