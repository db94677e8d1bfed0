import { describe, expect, it } from 'vitest';
import { closeError, isMeetingError, restError, toMeetingError } from '../src/errors.js';

describe('restError', () => {
  it('maps MMC.111072065 on the password call to REST_AUTH_FAILED', () => {
    const error = restError('createConfToken', 400, {
      error_code: 'MMC.111072065',
      error_msg: 'CONF_NOT_FOUND_OR_AUTH_FAILED',
    });
    expect(error).toMatchObject({
      code: 'REST_AUTH_FAILED',
      call: 'createConfToken',
      status: 400,
      errorCode: 'MMC.111072065',
      errorMsg: 'CONF_NOT_FOUND_OR_AUTH_FAILED',
    });
    expect(error.message).toContain('HTTP 400 MMC.111072065 CONF_NOT_FOUND_OR_AUTH_FAILED');
  });

  it('maps an auth failure of the keep-alive or wsToken call to REST_AUTH_FAILED with its call', () => {
    const body = { error_code: 'MMC.118000001', error_msg: 'USER_TOKEN_AUTH_FAILED' };
    const keepAlive = restError('keepAliveConfToken', 401, body);
    const wsToken = restError('createWebSocketToken', 401, body);
    expect(keepAlive).toMatchObject({ code: 'REST_AUTH_FAILED', call: 'keepAliveConfToken' });
    expect(wsToken).toMatchObject({ code: 'REST_AUTH_FAILED', call: 'createWebSocketToken' });
  });

  it('maps MMC.111070005 (meeting not found / not running) to MEETING_NOT_FOUND on any call', () => {
    const body = { error_code: 'MMC.111070005', error_msg: 'CONF_NOT_FOUND' };
    for (const call of ['createConfToken', 'keepAliveConfToken', 'createWebSocketToken'] as const) {
      const error = restError(call, 400, body);
      expect(error.code).toBe('MEETING_NOT_FOUND');
    }
  });

  it('maps a 500 CONF_EXCEPTION to REST_FAILED with status and codes', () => {
    const error = restError('createConfToken', 500, {
      error_code: 'MMC.111070003',
      error_msg: 'CONF_EXCEPTION',
    });
    expect(error).toMatchObject({ code: 'REST_FAILED', status: 500, errorCode: 'MMC.111070003' });
  });

  it('classifies by status alone when there is no error body', () => {
    expect(restError('createWebSocketToken', 403).code).toBe('REST_AUTH_FAILED');
    expect(restError('createWebSocketToken', 502)).toMatchObject({
      code: 'REST_FAILED',
      message: expect.stringContaining('HTTP 502'),
    });
  });
});

describe('closeError', () => {
  it('turns 4004 into MEETING_ENDED', () => {
    const error = closeError(4004, 'conference ended', true);
    expect(error).toMatchObject({ code: 'MEETING_ENDED', via: 'close-4004' });
  });

  it.each([1000, 1006, 1011, 4000, 4001, 4003])('turns close code %i into WS_CLOSED', (code) => {
    const error = closeError(code, 'x', code !== 1006);
    expect(error).toMatchObject({ code: 'WS_CLOSED', closeCode: code });
  });
});

describe('isMeetingError / toMeetingError', () => {
  it('recognises MeetingErrors by their code', () => {
    expect(isMeetingError({ code: 'TIMEOUT' })).toBe(true);
    expect(isMeetingError({ code: 'ENOENT' })).toBe(false);
    expect(isMeetingError('TIMEOUT')).toBe(false);
  });

  it('wraps foreign errors as UNEXPECTED through the redactor', () => {
    const error = toMeetingError(new TypeError('token stb123 rejected'), (t) =>
      t.replace('stb123', '[redacted]'),
    );
    expect(error).toEqual({ code: 'UNEXPECTED', message: 'TypeError: token [redacted] rejected' });
    const known = restError('createConfToken', 500);
    expect(toMeetingError(known, (t) => t)).toBe(known);
  });
});
