/**
 * The command's exit codes, the error that carries one, and how a meeting's last status maps to one.
 */
import type { MeetingStatus } from '../meeting/status.js';

/**
 * Exit codes of `huawei-meeting-rx`.
 * @internal
 */
export const ExitCode = {
  /** The meeting ended, or the user stopped watching (Ctrl-C, `q`). */
  OK: 0,
  /** Anything else went wrong. */
  FAILURE: 1,
  /** Bad arguments. */
  USAGE: 2,
  /** The host password was refused. */
  AUTH_FAILED: 3,
} as const;

/**
 * One of {@link ExitCode}.
 * @internal
 */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * A failure that ends the command with `exitCode` and prints `message`: one line that says what
 * to do. Never carries a password.
 * @internal
 */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * A bad-arguments failure (exit 2) with a pointer to the help of `command`.
 * @internal
 */
export function usageError(command: string, problem: string): CliError {
  return new CliError(ExitCode.USAGE, `${problem} (see: huawei-meeting-rx ${command} --help)`);
}

/**
 * How a watch session finished, and the one line to print about it.
 * @internal
 */
export interface Outcome {
  readonly code: ExitCodeValue;
  readonly message: string;
}

/**
 * The outcome for the meeting's last status. `wasLive`: the connection was live at some point, so a
 * "not found" answer means the meeting ended while we watched (§8), not a wrong ID.
 * @internal
 */
export function outcomeOf(
  last: MeetingStatus,
  context: { wasLive: boolean; stoppedByUser: boolean },
): Outcome {
  if (context.stoppedByUser) return { code: ExitCode.OK, message: 'Stopped watching.' };
  const error = last.lastError;
  if (last.phase === 'ended') {
    if (error?.code === 'MEETING_NOT_FOUND' && !context.wasLive) {
      return {
        code: ExitCode.FAILURE,
        message:
          'No running meeting with this conference ID: check --conference and that the meeting has started.',
      };
    }
    return { code: ExitCode.OK, message: 'The meeting has ended.' };
  }
  if (error?.code === 'REST_AUTH_FAILED') {
    return {
      code: ExitCode.AUTH_FAILED,
      message:
        'Authentication failed: check the host password (HWM_HOST_PASSWORD or --password-stdin) and --conference.',
    };
  }
  const reason = error === undefined ? 'the connection closed' : `${error.code}: ${error.message}`;
  return {
    code: ExitCode.FAILURE,
    message: `Stopped (${reason}). Check --base-url and the network, then try again.`,
  };
}
