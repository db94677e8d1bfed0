/**
 * A throw-away self-signed certificate for the simulator's TLS mode, made with the `openssl`
 * command (OpenSSL 1.1.1 or later) in a private temporary directory that is removed at once.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A key and its self-signed certificate, PEM. */
export interface SelfSignedCertificate {
  readonly key: string;
  readonly cert: string;
}

/**
 * Makes an EC P-256 key and a one-day certificate for `host` (as both the subject and the
 * subjectAltName, IP or DNS). The certificate is its own CA: a client trusts it by giving it as `ca`.
 * @throws Error when `openssl` is missing or fails.
 */
export async function makeSelfSignedCertificate(host: string): Promise<SelfSignedCertificate> {
  const dir = await mkdtemp(join(tmpdir(), 'hwm-sim-tls-'));
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  const isIp = /^[\d.]+$/.test(host) || host.includes(':');
  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=${isIp ? 'IP' : 'DNS'}:${host}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ]);
    const [key, cert] = await Promise.all([readFile(keyFile, 'utf8'), readFile(certFile, 'utf8')]);
    return { key, cert };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`simulator tls: could not make a self-signed certificate with openssl (${reason})`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
