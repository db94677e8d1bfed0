/**
 * Malformed input gives a typed Left (never a throw), unknown actions an UnknownNotify, and no
 * error or decoded value ever shows a password or token.
 */
import { inspect } from 'node:util';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  decodeServerFrame,
  decodeServerMessage,
  formatDecodeError,
} from '../../src/protocol/decode-server-frame.js';
import { decodeErr, decodeOk } from './helpers.js';

/** A push's JSON text: a minimal full-message envelope for `action`, with `fields` laid over it. */
const pushText = (action: string, fields: Record<string, unknown>): string =>
  JSON.stringify({ action, version: 1, createTime: 1, msgMode: 0, confID: 'c', ...fields });

describe('malformed frames', () => {
  it.each([
    ['not JSON', '{"action":', 'FRAME_INVALID_JSON'],
    ['empty text', '', 'FRAME_INVALID_JSON'],
    ['an array', '[{"action":"HeartBeat"}]', 'FRAME_NOT_OBJECT'],
    ['null', 'null', 'FRAME_NOT_OBJECT'],
    ['a number', '42', 'FRAME_NOT_OBJECT'],
    ['a string', '"ParticipantsNotify"', 'FRAME_NOT_OBJECT'],
    ['no action', '{"data":[]}', 'FRAME_NO_ACTION'],
    ['a numeric action', '{"action":3}', 'FRAME_NO_ACTION'],
    ['a blank action', '{"action":"  "}', 'FRAME_NO_ACTION'],
  ])('%s → %s', (_, text, code) => {
    expect(decodeErr(text).code).toBe(code);
  });

  it('a non-string argument is a Left, not a throw', () => {
    expect(decodeServerFrame(undefined as unknown as string)).toMatchObject({
      _tag: 'Left',
      left: { code: 'FRAME_INVALID_JSON' },
    });
  });

  it('data of the wrong type → FRAME_INVALID at data', () => {
    const e = decodeErr(
      '{"action":"ParticipantsNotify","version":1,"createTime":1,"msgMode":0,"confID":"c","data":{"pid":"x"}}',
    );
    expect(e).toMatchObject({ code: 'FRAME_INVALID', action: 'ParticipantsNotify', path: 'data' });
    expect(e.message).toBe('ParticipantsNotify: data: expected Array<ParticipantNotifyDTO>, got an object');
  });

  it('a list type without data is a Left (only SpeakerChange and InterpreterGroup may omit it)', () => {
    const e = decodeErr(
      '{"action":"InviteResultNotify","version":1,"createTime":1,"msgMode":0,"confID":"c"}',
    );
    expect(e).toMatchObject({ code: 'FRAME_INVALID', path: 'data' });
    expect(e.message).toContain('required field data is missing');
  });

  it('points at the failing item: data[2].pid', () => {
    const items = [{ pid: 'a', mode: 0 }, { pid: 'b', mode: 1 }, { mode: 0 }];
    const text = pushText('ParticipantsNotify', { msgMode: 1, data: items });
    const e = decodeErr(text);
    expect(e).toMatchObject({ code: 'FRAME_INVALID', path: 'data[2].pid' });
    expect(formatDecodeError(e)).toBe(
      'FRAME_INVALID ParticipantsNotify at data[2].pid: ParticipantsNotify: required field data[2].pid is missing',
    );
  });

  it('counts further problems and names padded keys in brackets', () => {
    const text = pushText('RealTimeSubtitleNotify', { version: 'soon', data: { 'msgs ': [{ 'id ': {} }] } });
    const e = decodeErr(text);
    expect(e.path).toBe('version');
    expect(e.message).toContain('(and 1 more problem)');
    const only = decodeErr(text.replace('"soon"', '1'));
    expect(only.path).toBe('data["msgs "][0]["id "]');
  });

  it('a Subscribe reply without returnCode is a Left; HeartBeat without sequence too', () => {
    expect(decodeErr('{"action":"Subscribe","data":{"returnDesc ":"SUCCESS"}}').path).toBe('data.returnCode');
    expect(decodeErr('{"action":"Subscribe","data":"{not json"}').path).toBe('data');
    expect(decodeErr('{"action":"HeartBeat"}').path).toBe('sequence');
  });
});

describe('unknown actions (§6.13)', () => {
  it.each(['CustomMultiPicNotify', 'NetworkQualityNotify', 'toString', '__proto__', 'constructor'])(
    '%s → UnknownNotify carrying the raw frame',
    (action) => {
      const text = JSON.stringify({ action, confID: 'c', data: { anything: [1] } });
      expect(decodeOk(text)).toEqual({ action: 'UnknownNotify', rawAction: action, raw: JSON.parse(text) });
    },
  );

  it('decodeServerMessage takes already-parsed objects', () => {
    expect(decodeServerMessage({ action: 'HeartBeat', sequence: 12 })).toEqual({
      _tag: 'Right',
      right: { action: 'HeartBeat', sequence: '12' },
    });
    expect(decodeServerMessage([1])).toMatchObject({ _tag: 'Left', left: { code: 'FRAME_NOT_OBJECT' } });
  });
});

describe('secrets never appear in errors or decoded values', () => {
  const password = 'Pw-7731-chair';
  const token = 'stb0123456789abcdef0123456789abcdef0123456789abcdef';

  it('a bad field beside pwds and tokens: the error names the path only', () => {
    const text = pushText('ConfBasicInfoNotify', {
      token,
      confToken: `Basic ${btoa(token)}`,
      pwds: [
        { role: 'chair', pwd: password },
        { role: 'general', pwd: { nested: password } },
      ],
    });
    const result = decodeServerFrame(text);
    expect(result).toMatchObject({ _tag: 'Left', left: { code: 'FRAME_INVALID', path: 'pwds[1].pwd' } });
    const printed = [
      inspect(result, { depth: 10 }),
      JSON.stringify(result),
      isLeft(result) ? formatDecodeError(result.left) : '',
    ];
    for (const out of printed) {
      expect(out).not.toContain(password);
      expect(out).not.toContain(token);
      expect(out).not.toContain(btoa(token));
    }
  });

  it('bad JSON holding a token: the message gives the size, not the text', () => {
    const text = `{"webSocketToken":"${token}", oops}`;
    const e = decodeErr(text);
    expect(e.code).toBe('FRAME_INVALID_JSON');
    expect(formatDecodeError(e)).not.toContain(token);
    expect(formatDecodeError(e)).not.toContain('stb0123');
  });

  it('a decoded ConfBasicInfo prints its passwords as [redacted]', () => {
    const text = pushText('ConfBasicInfoNotify', { pwds: [{ role: 'chair', pwd: password }] });
    const frame = decodeOk(text);
    const printed = `${inspect(frame, { depth: 10, showHidden: true })}${JSON.stringify(frame)}`;
    expect(printed).not.toContain(password);
    expect(printed).toContain('[redacted]');
  });
});
