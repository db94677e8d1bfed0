/**
 * The decoder as the decode suite measures it: bundled like the published build (see
 * library-build.ts), not run file by file through `tsx`.
 */
export { decodeServerFrame, decodeServerMessage } from '../../src/protocol/decode-server-frame.js';
