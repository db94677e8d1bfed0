import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/exit-codes.js';
import { readPassword } from '../../src/cli/password.js';

describe('readPassword', () => {
  it('takes HWM_HOST_PASSWORD as a Secret and removes it from the environment', async () => {
    const env: NodeJS.ProcessEnv = { HWM_HOST_PASSWORD: '482913', OTHER: 'x' };
    const secret = await readPassword('env', env, new PassThrough());
    expect(secret.reveal()).toBe('482913');
    expect(String(secret)).toBe('[redacted]');
    expect(env).toEqual({ OTHER: 'x' });
  });

  it('takes the first line of stdin, without its line ending, and leaves the rest unread', async () => {
    const stdin = new PassThrough();
    const secret = readPassword('stdin', {}, stdin);
    stdin.write('pa ss\r\nsecond line\n');
    expect((await secret).reveal()).toBe('pa ss');
    expect(stdin.isPaused()).toBe(true);
  });

  it('accepts a password without a newline at the end of input', async () => {
    const stdin = new PassThrough();
    stdin.end('no-newline');
    expect((await readPassword('stdin', {}, stdin)).reveal()).toBe('no-newline');
  });

  it('fails with exit code 2 and advice when there is none', async () => {
    const empty = new PassThrough();
    empty.end('');
    for (const attempt of [readPassword('env', {}, new PassThrough()), readPassword('stdin', {}, empty)]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toMatch(/HWM_HOST_PASSWORD|pipe it in/);
    }
  });
});
