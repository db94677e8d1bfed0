/**
 * Depth caps (issue 14 point 3/6): a 200 KB push of 20,000 nested objects, far under the 1 MiB
 * frame limit, as an unknown action and as an unknown key of ConfDynamicInfoNotify. Every decoded
 * value is safe to `JSON.stringify` (cut at `MAX_KEPT_DEPTH`, with a `VALUE_CUT` warning), and
 * `watch --json` survives it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { toJsonLine } from '../../src/cli/output/ndjson.js';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { MeetingWarning } from '../../src/meeting/warnings.js';
import { CUT_MARKER } from '../../src/protocol/sanitize-kept.js';
import { cli, killAll, waitFor } from '../cli/cli-process.js';
import {
  dynamicInfoPush,
  HOSTILE_CONF_ID,
  type HostileServer,
  startHostileServer,
} from '../helpers/hostile-server.js';

const DEPTH = 20_000;
/** `{"a":{"a":…{}…}}`, `DEPTH` levels: about 120 KB of text. */
const deepText = `${'{"a":'.repeat(DEPTH)}{}${'}'.repeat(DEPTH)}`;

function deepPushes(): string[] {
  const dynamic = JSON.stringify(dynamicInfoPush(Date.now(), { deep: '__DEEP__' })).replace(
    '"__DEEP__"',
    deepText,
  );
  const unknown = `{"action":"DeepNotify","confID":"${HOSTILE_CONF_ID}","payload":${deepText}}`;
  return [dynamic, unknown, JSON.stringify({ action: 'AfterNotify', confID: HOSTILE_CONF_ID })];
}

describe('a push nested 20,000 levels deep', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    killAll();
    await server?.close();
    server = undefined;
  });

  const hostile = () =>
    startHostileServer({
      onFrame: (frame, socket) => {
        if (frame['action'] !== 'Subscribe') return false;
        socket.send({ action: 'Subscribe', sequence: frame['sequence'], data: { returnCode: 0 } });
        for (const text of deepPushes()) socket.send(text);
        return true;
      },
    });

  it('is cut at MAX_KEPT_DEPTH with a warning: every value stringifies', async () => {
    server = await hostile();
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: 'pw-deep-1',
      baseUrl: server.baseUrl,
    });
    const values: unknown[] = [];
    const warnings: MeetingWarning[] = [];
    meeting.warnings$.subscribe((w) => warnings.push(w));
    meeting.unknown$.subscribe((v) => values.push(v));
    meeting.confDynamicInfo$.subscribe((v) => values.push(v));
    try {
      await waitFor(
        () => values.length,
        (n) => n >= 3,
        'three pushes',
      );
      for (const value of values) expect(() => JSON.stringify(value)).not.toThrow();
      expect(JSON.stringify(values)).toContain(CUT_MARKER);
      expect(
        warnings
          .filter((w) => w.code === 'VALUE_CUT')
          .map((w) => 'action' in w && w.action)
          .sort(),
      ).toEqual(['ConfDynamicInfoNotify', 'DeepNotify']);
    } finally {
      meeting.close();
    }
  }, 20_000);

  it('does not kill `watch --json`: the next push is printed too', async () => {
    server = await hostile();
    const run = cli(['watch', '--conference', server.conferenceId, '--base-url', server.baseUrl, '--json'], {
      env: { HWM_HOST_PASSWORD: 'pw-deep-1' },
    });
    await waitFor(
      () => run.stdout(),
      (out) => out.includes('AfterNotify'),
      'the push after the deep ones',
    );
    expect(run.child.exitCode).toBeNull();
    expect(run.stdout()).toContain(CUT_MARKER);
    run.child.kill('SIGINT');
    await run.exited;
  }, 30_000);

  it('toJsonLine never throws', () => {
    const cyclic: Record<string, unknown> = { action: 'UnknownNotify' };
    cyclic['self'] = cyclic;
    expect(toJsonLine(cyclic as never)).toBe('{"action":"UnknownNotify","unserialisable":"TypeError"}\n');
  });
});
