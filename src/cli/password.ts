/**
 * Where `watch` gets the host password: an environment variable or standard input, never argv
 * (visible to other users in `ps`).
 */
import type { Readable } from 'node:stream';
import { Secret } from '../security/secret.js';
import { PASSWORD_ENV } from './args.js';
import { CliError, ExitCode } from './exit-codes.js';

/** A password longer than this is surely not one (and stdin might be a large file by mistake). */
const MAX_PASSWORD_BYTES = 1024;

/**
 * The first line of `input` (without its line ending), or all of it when it has no newline. Stops
 * reading at the newline and leaves the stream paused, not destroyed (it may be the terminal).
 * @internal
 */
export function readFirstLine(input: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const done = (): void => {
      input.off('data', onData);
      input.off('end', done);
      input.off('error', onError);
      input.pause();
      const newline = text.indexOf('\n');
      resolve((newline === -1 ? text : text.slice(0, newline)).replace(/\r$/, ''));
    };
    const onData = (chunk: Buffer | string): void => {
      text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (text.includes('\n') || text.length > MAX_PASSWORD_BYTES) done();
    };
    const onError = (error: Error): void => {
      input.off('data', onData);
      input.off('end', done);
      reject(error);
    };
    input.on('data', onData);
    input.once('end', done);
    input.once('error', onError);
    input.resume();
  });
}

/**
 * The host password from `from`. The environment variable is removed once read, so child
 * processes do not inherit it. Exit code 2 when there is none.
 * @internal
 */
export async function readPassword(
  from: 'env' | 'stdin',
  env: NodeJS.ProcessEnv,
  stdin: Readable,
): Promise<Secret> {
  const text = from === 'stdin' ? await readFirstLine(stdin) : env[PASSWORD_ENV];
  if (from === 'env') delete env[PASSWORD_ENV];
  if (text === undefined || text === '') {
    throw new CliError(
      ExitCode.USAGE,
      from === 'stdin'
        ? 'No password on standard input: pipe it in, e.g. `printf %s "$PW" | huawei-meeting-rx watch --password-stdin …`'
        : `No host password: set ${PASSWORD_ENV}, or pipe it to --password-stdin`,
    );
  }
  if (text.length > MAX_PASSWORD_BYTES) {
    throw new CliError(ExitCode.USAGE, 'The password read is too long: give only the host password');
  }
  return new Secret(text);
}
