/**
 * `huawei-meeting-rx watch --conference ID [--base-url URL] [--types …] [--json] [--password-stdin]`:
 * watches a real meeting. The host password comes from `HWM_HOST_PASSWORD` or standard input,
 * never from argv.
 */
import { connectMeeting } from '../meeting/connect-meeting.js';
import { DOCUMENTED_NOTIFY_TYPES } from '../protocol/notify-types.js';
import { PASSWORD_ENV, parseWatchArgs } from './args.js';
import { type CliIo, processIo } from './io.js';
import { readPassword } from './password.js';
import { chooseMode, runSession } from './session.js';

const HELP = `Usage: huawei-meeting-rx watch --conference ID [options]

Watches a running Huawei Cloud Meeting: on a terminal a live view (roster, speakers, meeting
state, recent events); piped, one line per event; with --json, one decoded push per line.

The host password is read from the environment variable ${PASSWORD_ENV}, or with
--password-stdin from the first line of standard input. It is never taken from the command line:
other users of the machine can read command lines (ps).

Options:
  --conference ID     conference ID of the running meeting (required)
  --base-url URL      REST gateway (default: https://api.meeting.huaweicloud.com)
  --types LIST        push types to subscribe to, comma-separated, repeatable (default: all):
                      ${DOCUMENTED_NOTIFY_TYPES.slice(0, 4).join(', ')},
                      ${DOCUMENTED_NOTIFY_TYPES.slice(4, 7).join(', ')},
                      ${DOCUMENTED_NOTIFY_TYPES.slice(7).join(', ')}
                      (case-insensitive; "Notify" may be left out)
  --json              NDJSON on stdout, one decoded push per line; status and warnings on stderr
  --password-stdin    read the host password from standard input
  -h, --help          show this help

Examples:
  ${PASSWORD_ENV}=… huawei-meeting-rx watch --conference 913570246
  pass show meeting | huawei-meeting-rx watch --conference 913570246 --password-stdin --json | jq .action

Exit codes: 0 the meeting ended or you quit (q, Ctrl-C), 1 other failure, 2 bad arguments,
3 authentication failed.
`;

/**
 * Runs `watch` with its arguments; resolves with the exit code. Bad arguments throw a CliError.
 * @internal
 */
export async function runWatch(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseWatchArgs(args);
  if (parsed.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const hostPassword = await readPassword(parsed.passwordFrom, io.env, io.stdin);
  const meeting = connectMeeting({
    conferenceId: parsed.conferenceId,
    hostPassword,
    ...(parsed.baseUrl === undefined ? {} : { baseUrl: parsed.baseUrl }),
  });
  const outcome = await runSession({
    meeting,
    types: parsed.types,
    includeUnknown: parsed.types.length === DOCUMENTED_NOTIFY_TYPES.length,
    mode: chooseMode(parsed.json, io.stdout),
    stdout: io.stdout,
    stderr: io.stderr,
    // A piped password used up stdin; keys can only come from a terminal.
    stdin: io.stdin,
  });
  io.stderr.write(`${outcome.message}\n`);
  return outcome.code;
}
