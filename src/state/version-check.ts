/**
 * The ordering rule for incremental messages (PROTOCOL.md §6.0), shared by every fold.
 * @module
 */
import type { NotifyEnvelope } from '../protocol/messages.js';
import type { StateWarning } from './warnings.js';

/**
 * The verdict on one message's `version`.
 * @category State
 */
export interface VersionVerdict {
  /** `false`: a duplicate or stale incremental message, to be dropped. */
  readonly apply: boolean;
  /** The last incremental version to remember after this message. */
  readonly lastVersion: number | undefined;
  /** Set when the message is dropped or follows a gap. */
  readonly warning: StateWarning | undefined;
}

/**
 * Judges a message's `version` against the last incremental version applied.
 *
 * - Full message (`msgMode: 0`): always applied; its version is a timestamp, not a sequence number,
 *   and the state it carries is complete, so the sequence restarts: the next incremental message is
 *   accepted whatever its version. Being liberal here matters: whether the counter survives a
 *   reconnect is unknown (§9.5); were it reset, a kept baseline would drop every later message.
 * - Incremental message: not greater than the last → duplicate or stale, dropped with a warning;
 *   greater by more than 1 → applied, with a `VERSION_GAP` warning (a possible loss, §6.0).
 * @category State
 * @example
 * ```ts
 * const verdict = checkVersion(message, state.lastVersion);
 * if (!verdict.apply) return { ...state, warnings: [verdict.warning!] };
 * ```
 */
export function checkVersion(
  message: Pick<NotifyEnvelope<string>, 'action' | 'version' | 'msgMode'>,
  lastVersion: number | undefined,
): VersionVerdict {
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
