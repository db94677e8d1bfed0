/**
 * The public surface (issue 13): a small root, the building blocks in subpaths, and functions
 * named without `$` (RxJS's convention), values with it.
 */
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import * as operators from '../src/operators/index.js';
import * as protocol from '../src/protocol/index.js';
import * as simulator from '../src/simulator/index.js';

const ENTRIES = { root, operators, protocol, simulator } as const;

describe('the public surface', () => {
  it('the root holds connectMeeting, Secret and the error helpers: nothing else at run time', () => {
    expect(Object.keys(root).sort()).toEqual(
      ['REDACTED', 'Secret', 'connectMeeting', 'failureRule', 'isFatal', 'isMeetingError', 'toSecret'].sort(),
    );
  });

  it('the building blocks are in the subpaths', () => {
    for (const name of [
      'controlToken',
      'webSocketToken',
      'connection',
      'heartbeat',
      'liveness',
      'retryWithBackoff',
      'foldRoster',
    ]) {
      expect(operators).toHaveProperty(name);
    }
    for (const name of ['decodeServerFrame', 'encodeSubscribe', 'encodeHeartBeat', 'redactSecrets']) {
      expect(protocol).toHaveProperty(name);
    }
    for (const name of ['startSimulator', 'decodeClientFrame', 'tokenFromAuthorization']) {
      expect(simulator).toHaveProperty(name);
    }
  });

  it('no exported function is named with a trailing $', () => {
    for (const [entry, exports] of Object.entries(ENTRIES)) {
      for (const [name, value] of Object.entries(exports)) {
        if (typeof value === 'function') expect(`${entry}.${name}`).not.toMatch(/\$$/);
      }
    }
  });

  it('nothing is exported from two entry points', () => {
    const seen = new Map<string, string>();
    for (const [entry, exports] of Object.entries(ENTRIES)) {
      for (const name of Object.keys(exports)) {
        expect(seen.get(name), `${name} in ${entry}`).toBeUndefined();
        seen.set(name, entry);
      }
    }
  });
});
