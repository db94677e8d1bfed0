/**
 * The decoder as the decode suite measures it: bundled like the published build (see
 * library-build.ts), not run file by file through `tsx`.
 */
export { decodeServerFrame } from '../../src/protocol/decode-server-frame.js';
export { decodeParsedFrame } from '../../src/protocol/frame-codecs.js';
