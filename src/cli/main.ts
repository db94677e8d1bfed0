#!/usr/bin/env node
/**
 * The `huawei-meeting-rx` command: a small router from a subcommand name to its module.
 * Subcommands live in their own files and are loaded only when used.
 */
import { redactSecrets } from '../protocol/redact.js';
import { CliError, ExitCode } from './exit-codes.js';

/** One subcommand: a one-line summary for `--help` and its entry point (returns the exit code). */
interface Command {
  readonly summary: string;
  readonly run: (args: string[]) => Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  demo: {
    summary: 'watch a simulated meeting live (no account needed; what `npm start` runs)',
    run: async (args) => (await import('./demo.js')).runDemo(args),
  },
  watch: {
    summary: 'watch a real meeting (--conference ID; password from HWM_HOST_PASSWORD)',
    run: async (args) => (await import('./watch.js')).runWatch(args),
  },
  simulate: {
    summary: 'run the local Huawei Cloud Meeting simulator until Ctrl-C',
    run: async (args) => (await import('./simulate.js')).runSimulate(args),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return [
    'Usage: huawei-meeting-rx <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `huawei-meeting-rx <command> --help` for its options.',
    '',
  ].join('\n');
}

/** Runs the command line `argv` (without the node and script paths); resolves with the exit code. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return ExitCode.OK;
  }
  if (name === undefined) {
    process.stderr.write(usage());
    return ExitCode.USAGE;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return ExitCode.USAGE;
  }
  return command.run(rest);
}

function exit(code: number): void {
  process.exitCode = code;
  // Everything is closed by now and node exits by itself; should some handle linger anyway, do not
  // hang the user's terminal (unref: this timer alone keeps nothing alive).
  setTimeout(() => process.exit(code), 2000).unref();
}

// This file is the package `bin` and nothing imports it, so it always runs.
main(process.argv.slice(2)).then(exit, (error: unknown) => {
  if (error instanceof CliError) {
    process.stderr.write(`${error.message}\n`);
    exit(error.exitCode);
    return;
  }
  // Our errors are built redacted; an unforeseen one (a dependency's, a bug) gets masked here too.
  const message = redactSecrets(error instanceof Error ? error.message : String(error));
  process.stderr.write(`Unexpected error: ${message}. Please report it with the command you ran.\n`);
  exit(ExitCode.FAILURE);
});
