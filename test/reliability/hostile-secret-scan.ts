/**
 * The hostile-server secrets scan (issue 14), shared by `hostile-secrets.test.ts` and `npm run
 * soak`: a server that echoes the host password and every token it issued (raw, `Basic`,
 * URL-encoded) into every text field it has; everything the meeting emits is scanned.
 */
import { inspect } from 'node:util';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import { echoForms, echoingSecrets } from '../helpers/echo-secrets.js';
import { type HostileServer, startHostileServer } from '../helpers/hostile-server.js';
import { SecretWatch } from './chaos-soak.js';

/** What one scan saw. */
export interface HostileScanReport {
  /** Secret forms watched for (the password and every token issued, in each form). */
  readonly watched: number;
  /** Error and warning codes seen on status$ and warnings$ (to show the echoes were reached). */
  readonly codes: readonly string[];
  /** Where a secret was found; empty when none was. */
  readonly found: readonly string[];
}

/** Every form of the password and of every token `server` issued. */
export function watchAll(server: HostileServer, password: string): SecretWatch {
  const watch = new SecretWatch();
  for (const secret of [password, ...server.issued]) for (const form of echoForms(secret)) watch.add(form);
  return watch;
}

/**
 * Runs one meeting against an echoing server until it was refused on every path and went live
 * twice (or `timeoutMs` passed), and scans every status, warning and push (`util.inspect`, JSON,
 * message) for the secrets. Stops everything it started.
 */
export async function runHostileSecretScan(password: string, timeoutMs = 15_000): Promise<HostileScanReport> {
  const server = await startHostileServer(echoingSecrets(password));
  const meeting = connectMeeting({
    conferenceId: server.conferenceId,
    hostPassword: password,
    baseUrl: server.baseUrl,
    reconnect: { initialDelayMs: 5, maxDelayMs: 20, jitter: 'none' },
  });
  const seen: Array<[string, unknown]> = [];
  const record = (name: string) => (value: unknown) => seen.push([name, value]);
  meeting.status$.subscribe(record('status$'));
  meeting.warnings$.subscribe(record('warnings$'));
  meeting.confBasicInfo$.subscribe(record('confBasicInfo$'));
  meeting.confDynamicInfo$.subscribe(record('confDynamicInfo$'));
  meeting.unknown$.subscribe(record('unknown$'));
  meeting.meetingState$.subscribe(record('meetingState$'));
  try {
    const count = (name: string, phase?: string) =>
      seen.filter(
        ([n, v]) => n === name && (phase === undefined || (v as { phase?: string }).phase === phase),
      ).length;
    const deadline = Date.now() + timeoutMs;
    while ((count('unknown$') < 2 || count('status$', 'live') < 2) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const watch = watchAll(server, password);
    const codes = new Set<string>();
    for (const [name, value] of seen) {
      const v = value as { code?: string; lastError?: { code: string } };
      for (const code of [v.code, v.lastError?.code]) if (code !== undefined) codes.add(code);
      watch.scan(`${name} inspect`, inspect(value, { depth: Number.POSITIVE_INFINITY }));
      watch.scan(
        `${name} JSON`,
        JSON.stringify(value, (_k, x) => (x instanceof Map ? [...x] : x)),
      );
      watch.scan(`${name} String`, String((value as { message?: unknown }).message ?? ''));
    }
    return { watched: watch.size, codes: [...codes], found: watch.found };
  } finally {
    meeting.close();
    await server.close();
  }
}
