/**
 * The ordering rule for incremental messages (PROTOCOL.md §6.0), the one implementation used by the
 * folds of src/state and by the client's per-socket guard in src/meeting.
 * @module
 */
import type { NotifyEnvelope } from '../protocol/messages.js';

/**
 * A problem with a message's `version` (§6.0). Branch on `code`:
 *
 * | code | meaning | what happens to the message |
 * |---|---|---|
 * | `DUPLICATE_VERSION` | incremental `version` equal to the last one of its type | dropped |
 * | `STALE_VERSION` | incremental `version` lower than the last one of its type | dropped |
 * | `VERSION_GAP` | incremental `version` jumped by more than 1: messages may be lost | applied; a fresh full state heals it |
 * @category State
 */
export interface VersionWarning {
  readonly code: 'DUPLICATE_VERSION' | 'STALE_VERSION' | 'VERSION_GAP';
  /** The push type, e.g. `ParticipantsNotify`. */
  readonly action: string;
  /** The `version` of the message that triggered the warning. */
  readonly version: number;
  /** The last incremental `version` of this type before it. */
  readonly lastVersion: number;
  /** A readable description. */
  readonly message: string;
}

/**
 * The envelope fields the rule reads.
 * @category State
 */
export type VersionedMessage = Pick<NotifyEnvelope<string>, 'action' | 'version' | 'msgMode'>;

/**
 * The verdict on one message's `version`.
 * @category State
 */
export interface VersionVerdict {
  /** `false`: a duplicate or stale incremental message, to be dropped. */
  readonly apply: boolean;
  /** The last incremental version to remember after this message (`undefined` after a full one). */
  readonly lastVersion: number | undefined;
  /** Set when the message is dropped or follows a gap. */
  readonly warning: VersionWarning | undefined;
}

/**
 * Judges a message's `version` against the last incremental version applied for its type. Pure.
 *
 * - Full message (`msgMode: 0`): always applied; its version is a timestamp, not a sequence number,
 *   and the state it carries is complete, so the sequence restarts: the next incremental message is
 *   accepted whatever its version (§6.0: it need not be 1). Being liberal here matters: whether the
 *   counter survives a reconnect is unknown (§9.5); were it reset, a kept baseline would drop every
 *   later message.
 * - Incremental message: not greater than the last → duplicate or stale, dropped with a warning;
 *   greater by more than 1 → applied, with a `VERSION_GAP` warning (a possible loss, §6.0).
 * @category State
 * @example
 * ```ts
 * checkVersion({ action: 'ParticipantsNotify', msgMode: 1, version: 7 }, 7).apply; // false (duplicate)
 * ```
 */
export function checkVersion(message: VersionedMessage, lastVersion: number | undefined): VersionVerdict {
  if (message.msgMode === 0) return { apply: true, lastVersion: undefined, warning: undefined };
  const { version, action } = message;
  if (lastVersion === undefined) return { apply: true, lastVersion: version, warning: undefined };
  if (version <= lastVersion) {
    const duplicate = version === lastVersion;
    return {
      apply: false,
      lastVersion,
      warning: {
        code: duplicate ? 'DUPLICATE_VERSION' : 'STALE_VERSION',
        action,
        version,
        lastVersion,
        message: `${action}: dropped ${duplicate ? 'duplicate' : 'stale'} incremental version ${version} (last applied ${lastVersion})`,
      },
    };
  }
  if (version > lastVersion + 1) {
    return {
      apply: true,
      lastVersion: version,
      warning: {
        code: 'VERSION_GAP',
        action,
        version,
        lastVersion,
        message: `${action}: incremental version jumped from ${lastVersion} to ${version}; messages may be missing`,
      },
    };
  }
  return { apply: true, lastVersion: version, warning: undefined };
}

/**
 * {@link checkVersion} for a stream of messages of any types, with the last version per type kept
 * in a closure. The client makes one per socket.
 * @category State
 * @example
 * ```ts
 * const guard = createVersionGuard();
 * const verdict = guard(message);
 * if (verdict.warning) warn(verdict.warning);
 * if (verdict.apply) deliver(message);
 * ```
 */
export function createVersionGuard(): (message: VersionedMessage) => VersionVerdict {
  const last = new Map<string, number>();
  return (message) => {
    const verdict = checkVersion(message, last.get(message.action));
    if (verdict.lastVersion === undefined) last.delete(message.action);
    else last.set(message.action, verdict.lastVersion);
    return verdict;
  };
}
