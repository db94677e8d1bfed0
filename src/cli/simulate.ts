/**
 * `huawei-meeting-rx simulate [--port N] [--seed N] [--speed X] [--meetings N]`: starts the simulator,
 * prints where it listens and the meeting credentials, and runs until SIGINT/SIGTERM.
 */
import { startSimulator } from '../simulator/index.js';
import { parseSimulateArgs } from './args.js';
import { type CliIo, processIo, untilStopSignal } from './io.js';

const HELP = `Usage: huawei-meeting-rx simulate [options]

Runs a local simulator of Huawei Cloud Meeting's conference-control service (loopback only).

Options:
  --port N       TCP port (default 0: a free port)
  --seed N       seed of the scripted meeting (default 1)
  --speed X      run the scripted activity X times faster (default 1)
  --meetings N   number of meetings (default 1)
  -h, --help     show this help
`;

/**
 * Runs the `simulate` subcommand with its arguments; resolves with the exit code once stopped.
 * @internal
 */
export async function runSimulate(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const parsed = parseSimulateArgs(args);
  if (parsed.help) {
    io.stdout.write(HELP);
    return 0;
  }
  const sim = await startSimulator({
    port: parsed.port,
    seed: parsed.seed,
    speed: parsed.speed,
    meetings: parsed.meetings,
  });

  // The host passwords are the simulator's own invented test passwords, so printing them is fine.
  const lines = [`Huawei Cloud Meeting simulator`, `base URL:       ${sim.baseUrl}`];
  for (const meeting of sim.meetings) {
    lines.push(`conference ID:  ${meeting.conferenceId}`, `host password:  ${meeting.hostPassword}`);
  }
  lines.push('Press Ctrl-C to stop.');
  io.stdout.write(`${lines.join('\n')}\n`);

  await untilStopSignal();
  await sim.close();
  return 0;
}
