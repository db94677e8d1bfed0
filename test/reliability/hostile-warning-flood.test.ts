/**
 * The warnings$ throttle (issue 14 point 10): a server that sends junk frames as fast as it can
 * causes one DECODE_FAILED each; a consumer sees at most `MAX_WARNINGS_PER_CODE` of one code per
 * `WARNING_WINDOW_MS`, then one WARNINGS_SUPPRESSED with the count. In virtual time.
 */
import { describe, expect, it } from 'vitest';
import { MAX_WARNINGS_PER_CODE, WARNING_WINDOW_MS } from '../../src/meeting/warning-throttle.js';
import { virtualMeeting } from '../helpers/virtual-meeting.js';

const answer = (request: { url: string }) =>
  request.url.includes('/conferences/token')
    ? {
        status: 200,
        body: { data: { token: 'stb1', wsURL: 'wss://h', expireTime: 10 ** 13, confTokenExpireTime: 1800 } },
      }
    : { status: 200, body: { webSocketToken: 'cnr1' } };

describe('a flood of junk frames', () => {
  it('reaches warnings$ throttled per code, with one summary per window', async () => {
    const f = virtualMeeting(answer, { heartbeatIntervalMs: 170_000 });
    f.meeting.confDynamicInfo$.subscribe();
    try {
      await f.run(1000);
      expect(f.statuses.at(-1)?.phase).toBe('live');
      const before = f.warnings.length;
      const socket = f.sockets[0];
      const junk = 50_000;
      // 50,000 junk frames within 10 virtual seconds.
      for (let second = 0; second < 10; second++) {
        for (let i = 0; i < junk / 10; i++) socket?.receive(`not json ${i}`);
        f.advance(WARNING_WINDOW_MS);
      }
      const flood = f.warnings.slice(before);
      const decodeFailed = flood.filter((w) => w.code === 'DECODE_FAILED');
      const summaries = flood.filter((w) => w.code === 'WARNINGS_SUPPRESSED');
      expect(decodeFailed.length).toBeLessThanOrEqual(10 * MAX_WARNINGS_PER_CODE);
      expect(summaries.length).toBeLessThanOrEqual(10);
      const told = summaries.reduce((sum, w) => sum + (w.code === 'WARNINGS_SUPPRESSED' ? w.count : 0), 0);
      expect(decodeFailed.length + told).toBe(junk);
      expect(summaries[0]).toMatchObject({ suppressedCode: 'DECODE_FAILED', windowMs: WARNING_WINDOW_MS });
      expect(f.sockets).toHaveLength(1);
    } finally {
      f.meeting.close();
    }
  });
});
