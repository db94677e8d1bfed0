#!/usr/bin/env node
/**
 * The `huawei-meeting-rx` command: a small router from a subcommand name to its module.
 * Subcommands live in their own files and are loaded only when used.
 */
/** One subcommand: a one-line summary for `--help` and its entry point (returns the exit code). */
interface Command {
  readonly summary: string;
  readonly run: (args: string[]) => Promise<number>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  simulate: {
    summary: 'run the local Huawei Cloud Meeting simulator until Ctrl-C',
    run: async (args) => (await import('./simulate.js')).runSimulate(args),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return ['Usage: huawei-meeting-rx <command> [options]', '', 'Commands:', ...lines, ''].join('\n');
}

/** Runs the command line `argv` (without the node and script paths); resolves with the exit code. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`Unknown command "${name}".\n\n${usage()}`);
    return 1;
  }
  return command.run(rest);
}

// This file is the package `bin` and nothing imports it, so it always runs.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
