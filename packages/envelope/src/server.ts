/**
 * `@tvs/envelope/server`: what only a gateway-side program needs — a server, a proxy or a mock
 * gateway: request decoding and validation with the documented refusals, uplink frame
 * decoding and downlink frame building for the command channel. Pure, like the main entry.
 * @packageDocumentation
 */
export type { DecodedRequest } from './envelope-types.js';
export { decodeRequest } from './server/decode-request.js';
export {
  type DecodedUplink,
  type DecodedUplinkFrame,
  decodeUplinkFrame,
} from './server/decode-uplink-frame.js';
export { type DownlinkFrameInit, downlinkFrame } from './server/downlink-frame.js';
export { type RequestRefusal, refuseRequest } from './server/refuse-request.js';
