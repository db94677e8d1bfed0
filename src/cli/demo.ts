/**
 * `huawei-meeting-rx demo` (what `npm start` runs): starts the embedded simulator on loopback and
 * watches its scripted meeting through {@link connectMeeting}, exactly as `watch` watches a real
 * one. No credentials, no network beyond 127.0.0.1. With `--web`, serves the browser dashboard
 * instead.
 */
import { connectMeeting } from '../meeting/connect-meeting.js';
import { DOCUMENTED_NOTIFY_TYPES } from '../protocol/notify-types.js';
import { startSimulator } from '../simulator/index.js';
import type { Simulator } from '../simulator/types.js';
import { DEMO_SPEED, parseDemoArgs } from './args.js';
import { CliError, ExitCode } from './exit-codes.js';
import { type CliIo, processIo, untilStopSignal } from './io.js';
import { chooseMode, runSession } from './session.js';

const HELP = `Usage: huawei-meeting-rx demo [options]

Starts a simulated Huawei Cloud Meeting on this machine (loopback only, no account needed) and
watches it live: participants joining and leaving, speakers, hands, recording, reconnects.

Options:
  --seed N       which simulated meeting (default: a new one each run)
  --speed X      how fast the scripted activity runs (default ${DEMO_SPEED})
  --json         NDJSON on stdout, one decoded push per line
  --web          serve the browser dashboard instead of the terminal view
  --port N       port of the browser dashboard (with --web; default: a free port)
  -h, --help     show this help
`;

/** `--web`: serves the browser dashboard (src/cli/web.ts, loaded only here) until Ctrl-C. */
async function serveWeb(simulator: Simulator, port: number, io: CliIo): Promise<number> {
  const { serveDashboard } = await import('./web.js');
  let dashboard: Awaited<ReturnType<typeof serveDashboard>>;
  try {
    dashboard = await serveDashboard({ port, simulator });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(
        ExitCode.FAILURE,
        `Port ${port} is in use: pick another with --port, or leave it out.`,
      );
    }
    throw error;
  }
  io.stdout.write(
    `Dashboard of the simulated meeting: ${dashboard.url}\nOpen it in a browser. Press Ctrl-C to stop.\n`,
  );
  await untilStopSignal();
  await dashboard.close();
  return ExitCode.OK;
}

/**
 * Runs `demo` with its arguments; resolves with the exit code.
 * @internal
 */
export async function runDemo(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseDemoArgs(args);
  if (parsed.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const seed = parsed.seed ?? Math.floor(Math.random() * 1_000_000);
  const simulator = await startSimulator({ seed, speed: parsed.speed });
  try {
    if (parsed.web) return await serveWeb(simulator, parsed.port, io);
    const mode = chooseMode(parsed.json, io.stdout);
    if (mode === 'plain') {
      io.stdout.write(`Simulated meeting ${simulator.conferenceId} (seed ${seed}) at ${simulator.baseUrl}\n`);
    }
    const meeting = connectMeeting({
      conferenceId: simulator.conferenceId,
      // The simulator's own invented test password, not a secret of anyone's.
      hostPassword: simulator.hostPassword,
      baseUrl: simulator.baseUrl,
    });
    const outcome = await runSession({
      meeting,
      types: DOCUMENTED_NOTIFY_TYPES,
      includeUnknown: true,
      mode,
      stdout: io.stdout,
      stderr: io.stderr,
      stdin: io.stdin,
      footer: `simulated meeting, seed ${seed} · q or Ctrl-C to quit`,
    });
    io.stderr.write(`${outcome.message}\n`);
    return outcome.code;
  } finally {
    await simulator.close();
  }
}
