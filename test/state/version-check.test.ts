import { describe, expect, it } from 'vitest';
import { checkVersion, createVersionGuard } from '../../src/state/version-check.js';

const inc = (version: number) => ({ action: 'ParticipantsNotify', msgMode: 1 as const, version });
const full = (version: number) => ({ action: 'ParticipantsNotify', msgMode: 0 as const, version });

describe('checkVersion', () => {
  it('accepts the first incremental whatever its number (§6.0: need not be 1)', () => {
    expect(checkVersion(inc(39), undefined)).toEqual({ apply: true, lastVersion: 39, warning: undefined });
  });

  it('accepts the next version in order without a warning', () => {
    expect(checkVersion(inc(5), 4)).toEqual({ apply: true, lastVersion: 5, warning: undefined });
  });

  it('drops a repeated version with DUPLICATE_VERSION', () => {
    const verdict = checkVersion(inc(5), 5);
    expect(verdict.apply).toBe(false);
    expect(verdict.lastVersion).toBe(5);
    expect(verdict.warning).toMatchObject({ code: 'DUPLICATE_VERSION', version: 5, lastVersion: 5 });
  });

  it('drops a lower version with STALE_VERSION and keeps the higher one', () => {
    const verdict = checkVersion(inc(7), 9);
    expect(verdict.apply).toBe(false);
    expect(verdict.lastVersion).toBe(9);
    expect(verdict.warning).toMatchObject({ code: 'STALE_VERSION', action: 'ParticipantsNotify' });
  });

  it('applies a jump by more than one and reports VERSION_GAP', () => {
    const verdict = checkVersion(inc(6), 3);
    expect(verdict.apply).toBe(true);
    expect(verdict.lastVersion).toBe(6);
    expect(verdict.warning).toMatchObject({ code: 'VERSION_GAP', version: 6, lastVersion: 3 });
  });

  it('always applies a full message and resets the tracking', () => {
    expect(checkVersion(full(1767258002001), 10)).toEqual({
      apply: true,
      lastVersion: undefined,
      warning: undefined,
    });
  });
});

describe('checkVersion warnings', () => {
  it('say what was dropped or skipped, with both versions', () => {
    expect(checkVersion(inc(5), 5).warning?.message).toBe(
      'ParticipantsNotify: dropped duplicate incremental version 5 (last applied 5)',
    );
    expect(checkVersion(inc(4), 5).warning?.message).toBe(
      'ParticipantsNotify: dropped stale incremental version 4 (last applied 5)',
    );
    expect(checkVersion(inc(9), 5).warning).toEqual({
      code: 'VERSION_GAP',
      action: 'ParticipantsNotify',
      version: 9,
      lastVersion: 5,
      message: 'ParticipantsNotify: incremental version jumped from 5 to 9; messages may be missing',
    });
  });
});

describe('createVersionGuard', () => {
  it('tracks each action separately', () => {
    const guard = createVersionGuard();
    expect(guard(inc(5)).apply).toBe(true);
    expect(guard({ action: 'WaitingListNotify', msgMode: 1, version: 1 }).apply).toBe(true);
    expect(guard(inc(5)).apply).toBe(false);
    expect(guard({ action: 'WaitingListNotify', msgMode: 1, version: 2 }).warning).toBeUndefined();
  });

  it('accepts a lower incremental after a full message reset the tracking', () => {
    const guard = createVersionGuard();
    guard(inc(40));
    guard(full(1767258002001));
    const after = guard(inc(2));
    expect(after.apply).toBe(true);
    expect(after.warning).toBeUndefined();
    expect(guard(inc(2)).warning?.code).toBe('DUPLICATE_VERSION');
  });
});
