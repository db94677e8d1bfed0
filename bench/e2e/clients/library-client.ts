/**
 * Client (c): this library. `connectMeeting` with the three streams the baselines feed, one
 * subscriber each, options as a user would pass them (password, base URL, nothing tuned).
 */
import { connectMeeting } from '../../../src/meeting/connect-meeting.js';
import type { ClientFactory } from './types.js';

/** Connects the library client; resolves once the meeting is live (§6.1 reply or first push). */
export const connectLibraryClient: ClientFactory = async ({ baseUrl, confID }, consumers, options = {}) => {
  const meeting = connectMeeting({
    conferenceId: confID,
    hostPassword: 'bench',
    baseUrl,
    ...(options.heartbeatMs === undefined ? {} : { heartbeatIntervalMs: options.heartbeatMs }),
  });
  const subscriptions = [
    meeting.participants$.subscribe(consumers.participants),
    meeting.speakers$.subscribe(consumers.speakers),
    meeting.confDynamicInfo$.subscribe(consumers.dynamicInfo),
  ];
  return {
    async close() {
      for (const s of subscriptions) s.unsubscribe();
      meeting.close();
    },
  };
};
