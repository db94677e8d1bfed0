import { describe, expect, it } from 'vitest';
import { frameHandler, type Push } from '../../src/meeting/frame-handler.js';
import { decodeOk } from '../protocol/helpers.js';

const CONF = '913570246';
const participants = (msgMode: 0 | 1, version: number) =>
  decodeOk(
    JSON.stringify({
      action: 'ParticipantsNotify',
      version,
      createTime: 1,
      confID: CONF,
      msgMode,
      data: [{ pid: 'a', mode: 0 }],
    }),
  );

const versionOf = (push: Push) => (push.action === 'UnknownNotify' ? '?' : push.version);

/** A handler whose hooks record, in order, which pushes were shown to `full` and which delivered. */
function recorded() {
  const calls: string[] = [];
  const handle = frameHandler({
    conferenceId: CONF,
    deliver: (push: Push) => calls.push(`deliver ${versionOf(push)}`),
    full: (push: Push) => calls.push(`full ${versionOf(push)}`),
    warn: () => {},
    live: () => {},
    current: () => true,
    fail: () => {},
  });
  return { handle, calls };
}

describe('frameHandler', () => {
  // The gap healer is told only of full messages: an incremental one cannot end a heal.
  it('shows full (msgMode 0) pushes to the full hook before delivering them, incremental ones never', () => {
    const { handle, calls } = recorded();
    handle(participants(0, 1));
    handle(participants(1, 2));
    handle(participants(0, 3));
    expect(calls).toEqual(['full 1', 'deliver 1', 'deliver 2', 'full 3', 'deliver 3']);
  });
});
