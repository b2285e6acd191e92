/**
 * `@tvs/mock-gateway`: a faithful offline TVS gateway. This entry point is portable (a fetch
 * handler on web-standard APIs only); `@tvs/mock-gateway/node` adds the `node:http` adapter.
 * @packageDocumentation
 */

export type { CallRecord } from './call-log.js';
export type { Anchor, Avatar, Catalogue, Timbre } from './catalogue.js';
export { defaultCatalogue } from './catalogue.js';
export type { GatewayClock, Now } from './clock.js';
export {
  createMockGateway,
  type ListeningGateway,
  type MockCredentials,
  type MockGateway,
  type MockGatewayOptions,
} from './create-mock-gateway.js';
export {
  type FaultControl,
  type FaultKind,
  type FaultRule,
  SimulatedNetworkError,
} from './faults.js';
export { type TaskLoad, taskLoad } from './load.js';
export type { MockSessionControl } from './sessions/control.js';
export type {
  ChannelConnection,
  ChannelSink,
  ChannelVerdict,
  CommandChannelHost,
  MockDrive,
  MockSession,
  MockSessionOptions,
} from './sessions/types.js';
export {
  planSpeech,
  type SpeechPlan,
  type TimedSentence,
  type TimedWord,
  toSrt,
} from './speech.js';
export type {
  CallbackDelivery,
  MediaFormat,
  MockTask,
  TaskLane,
  TaskStatus,
} from './tasks.js';
