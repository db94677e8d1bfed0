/**
 * A local, loopback-only simulator of Huawei Cloud Meeting's conference-control service: the REST
 * token calls, the WebSocket event push and seeded, scripted meetings — with manual controls and
 * fault injection for tests. Import it from `huawei-meeting-rx/simulator`.
 *
 * It follows PROTOCOL.md's simulator rules and Appendix A ("be conservative"); its one addition is
 * CORS on the REST answers, so a browser page can talk to it.
 * @packageDocumentation
 */

export { tokenFromAuthorization } from '../protocol/client-frames.js';
// The client's side of the wire, as a server reads it: for tests that play the server themselves.
export {
  type ClientFrame,
  type ConfControlData,
  type ConfControlRequest,
  decodeClientFrame,
  type HeartBeatRequest,
  type SubscribeData,
  type SubscribeRequest,
} from '../protocol/decode-client-frame.js';
export { createManualClock, createRealClock, type ManualClock, type SimulatorClock } from './clock.js';
export { startSimulator } from './start-simulator.js';
export type { SimulatedMeeting, Simulator, SimulatorFaults, SimulatorOptions } from './types.js';
