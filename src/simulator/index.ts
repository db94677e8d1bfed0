/**
 * A local, loopback-only simulator of Huawei Cloud Meeting's conference-control service: the REST
 * token calls, the WebSocket event push and seeded, scripted meetings — with manual controls and
 * fault injection for tests. Import it from `huawei-meeting-rx/simulator`.
 *
 * It follows PROTOCOL.md's simulator rules and Appendix A ("be conservative"); its one addition is
 * CORS on the REST answers, so a browser page can talk to it.
 * @packageDocumentation
 */

export { createManualClock, createRealClock, type ManualClock, type SimulatorClock } from './clock.js';
export { startSimulator } from './start-simulator.js';
export type { SimulatedMeeting, Simulator, SimulatorFaults, SimulatorOptions } from './types.js';
