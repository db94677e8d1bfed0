/**
 * Tokens from the user's own provider (`getTokens`): its failures are retried and reported without
 * the secrets their messages may quote.
 */
import { filter, firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { MeetingStatus } from '../../src/meeting/status.js';

const TOKEN = 'cnr3f2e9a8b7c6d5e4f3a2b1c0d9e8f7';

function failingMeeting(rejection: unknown) {
  const meeting = connectMeeting({
    conferenceId: '913570246',
    getTokens: () => Promise.reject(rejection),
    reconnect: { initialDelayMs: 60_000 },
  });
  const reconnecting = firstValueFrom(
    meeting.status$.pipe(
      filter((s): s is Extract<MeetingStatus, { phase: 'reconnecting' }> => s.phase === 'reconnecting'),
    ),
  );
  const subscription = meeting.participants$.subscribe();
  return { meeting, reconnecting, subscription };
}

describe('a failing token provider', () => {
  it('is reported as TOKEN_PROVIDER_FAILED with the token in its message redacted', async () => {
    const f = failingMeeting(new Error(`backend said: wss://h/conn?confID=1&tmpToken=${TOKEN}`));
    const status = await f.reconnecting;
    f.meeting.close();
    expect(status.lastError.code).toBe('TOKEN_PROVIDER_FAILED');
    expect(status.lastError.message).toContain('backend said');
    expect(status.lastError.message).not.toContain(TOKEN);
  });

  it('keeps a MeetingError it rejected with, but redacts its message too', async () => {
    const f = failingMeeting({
      code: 'NETWORK',
      message: `proxy refused wss://h/conn?confID=1&tmpToken=${TOKEN}`,
    });
    const status = await f.reconnecting;
    f.meeting.close();
    expect(status.lastError.code).toBe('NETWORK');
    expect(status.lastError.message).toContain('proxy refused');
    expect(status.lastError.message).not.toContain(TOKEN);
  });
});
