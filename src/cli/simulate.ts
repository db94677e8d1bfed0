/**
 * `huawei-meeting-rx simulate [--port N] [--seed N] [--speed X] [--meetings N]`: starts the simulator,
 * prints where it listens and the meeting credentials, and runs until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSimulator } from '../simulator/index.js';

const HELP = `Usage: huawei-meeting-rx simulate [options]

Runs a local simulator of Huawei Cloud Meeting's conference-control service (loopback only).

Options:
  --port N       TCP port (default 0: a free port)
  --seed N       seed of the scripted meeting (default 1)
  --speed X      run the scripted activity X times faster (default 1)
  --meetings N   number of meetings (default 1)
  -h, --help     show this help
`;

function parseNumber(
  name: string,
  text: string | undefined,
  fallback: number,
  check: (n: number) => boolean,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !check(value)) {
    throw new Error(`--${name}: invalid value "${text}"`);
  }
  return value;
}

/**
 * Runs the `simulate` subcommand with its arguments; resolves with the exit code once stopped.
 * @internal
 */
export async function runSimulate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      meetings: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const isInteger = Number.isInteger;
  const sim = await startSimulator({
    port: parseNumber('port', values.port, 0, (n) => isInteger(n) && n >= 0 && n <= 65_535),
    seed: parseNumber('seed', values.seed, 1, isInteger),
    speed: parseNumber('speed', values.speed, 1, (n) => n > 0),
    meetings: parseNumber('meetings', values.meetings, 1, (n) => isInteger(n) && n >= 1 && n <= 100),
  });

  // The host passwords are the simulator's own invented test passwords, so printing them is fine.
  const lines = [`Huawei Cloud Meeting simulator`, `base URL:       ${sim.baseUrl}`];
  for (const meeting of sim.meetings) {
    lines.push(`conference ID:  ${meeting.conferenceId}`, `host password:  ${meeting.hostPassword}`);
  }
  lines.push('Press Ctrl-C to stop.');
  process.stdout.write(`${lines.join('\n')}\n`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sim.close();
  return 0;
}
