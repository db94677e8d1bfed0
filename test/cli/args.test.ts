import { afterEach, describe, expect, it } from 'vitest';
import { parseDemoArgs, parseTypes, parseWatchArgs } from '../../src/cli/args.js';
import { CliError, ExitCode } from '../../src/cli/exit-codes.js';
import { runWatch } from '../../src/cli/watch.js';
import { cli, killAll } from './cli-process.js';

afterEach(killAll);

/** The CliError `run` throws. */
function failure(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('expected a CliError');
}

describe('argument parsing (in process)', () => {
  it('parses watch options, all push types by default', () => {
    const args = parseWatchArgs(['--conference', '913570246', '--base-url', 'http://127.0.0.1:9', '--json']);
    expect(args).toMatchObject({
      conferenceId: '913570246',
      baseUrl: 'http://127.0.0.1:9',
      json: true,
      passwordFrom: 'env',
    });
    expect(args.types).toHaveLength(10);
    expect(parseWatchArgs(['--conference', '1', '--password-stdin']).passwordFrom).toBe('stdin');
  });

  it('reads --types loosely (case, commas, repeats, "Notify" optional) but refuses unknown names', () => {
    expect(parseTypes(['speakerchange,ParticipantsNotify', 'participants'])).toEqual([
      'ParticipantsNotify',
      'SpeakerChangeNotify',
    ]);
    const error = failure(() => parseTypes(['Participants,Bogus']));
    expect(error.exitCode).toBe(ExitCode.USAGE);
    expect(error.message).toContain('"Bogus"');
  });

  it('refuses a password on the command line without echoing it', () => {
    for (const args of [
      ['--conference', '1', '--password', 'hunter2-secret'],
      ['--password=hunter2-secret', '--conference', '1'],
      ['--conference', '1', '--host-password', 'hunter2-secret'],
    ]) {
      const error = failure(() => parseWatchArgs(args));
      expect(error.exitCode).toBe(ExitCode.USAGE);
      expect(error.message).toContain('visible to other users');
      expect(error.message).not.toContain('hunter2');
    }
  });

  it('turns every other bad argument into exit code 2', () => {
    const bad = [
      () => parseWatchArgs([]),
      () => parseWatchArgs(['--conference', '1', '--base-url', 'ftp://x']),
      () => parseWatchArgs(['--conference', '1', '--nope']),
      () => parseWatchArgs(['--conference', '1', 'extra']),
      () => parseDemoArgs(['--speed', '0']),
      () => parseDemoArgs(['--port', '8080']),
      () => parseDemoArgs(['--web', '--port', '70000']),
    ];
    for (const run of bad) expect(failure(run).exitCode).toBe(ExitCode.USAGE);
  });

  it('prints watch help (exit 0) that says where the password comes from', async () => {
    let written = '';
    const write = (text: string): boolean => {
      written += text;
      return true;
    };
    const stdout = { write } as unknown as NodeJS.WriteStream;
    const io = { stdin: process.stdin, stdout, stderr: stdout, env: {} };
    expect(await runWatch(['--help'], io)).toBe(0);
    expect(written).toContain('HWM_HOST_PASSWORD');
    expect(written).toMatch(/never taken from the command line/);
    expect(written).toContain('Exit codes: 0');
  });

  it('gives the demo a lively default speed and a port only with --web', () => {
    expect(parseDemoArgs([])).toMatchObject({ speed: 4, web: false, json: false, seed: undefined });
    expect(parseDemoArgs(['--web', '--port', '8080', '--seed', '7'])).toMatchObject({
      web: true,
      port: 8080,
      seed: 7,
    });
  });
});

describe('exit codes (spawned)', () => {
  it('exits 2 with a reason for --password, and never prints the value', async () => {
    const run = cli(['watch', '--conference', '913570246', '--password', 'hunter2-secret']);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(/visible to other users.*HWM_HOST_PASSWORD.*--password-stdin/);
    expect(run.stdout() + run.stderr()).not.toContain('hunter2');
  });

  it('exits 2 when no password is given, and for an unknown command', async () => {
    const missing = cli(['watch', '--conference', '913570246']);
    const unknown = cli(['dance']);
    expect(await missing.exited).toBe(2);
    expect(missing.stderr()).toContain('No host password: set HWM_HOST_PASSWORD');
    expect(await unknown.exited).toBe(2);
    expect(unknown.stderr()).toContain('Unknown command "dance"');
  });
});
