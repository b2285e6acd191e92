/**
 * `@tvs/mock-gateway`: a faithful offline TVS gateway. This entry point is portable (a fetch
 * handler on web-standard APIs only); `@tvs/mock-gateway/node` adds the `node:http` adapter.
 * Everything exported here is the public API (listed in the README); every other module is
 * internal.
 * @packageDocumentation
 */
export type { CallRecord } from './call-log.js';
export {
  type Anchor,
  type Avatar,
  type Catalogue,
  defaultCatalogue,
  type Timbre,
} from './catalogue.js';
export type { GatewayClock, Now } from './clock.js';
export {
  createMockGateway,
  type ListeningGateway,
  type MockGateway,
} from './create-mock-gateway.js';
export {
  type FaultControl,
  type FaultKind,
  type FaultRule,
  type NetworkFaultKind,
  SimulatedNetworkError,
} from './faults.js';
export type { SpeechPlan, TimedSentence, TimedWord } from './internal/speech.js';
export { type TaskLoad, taskLoad } from './load.js';
export type { MockCredentials, MockGatewayOptions } from './options.js';
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
export type { CallbackDelivery, MediaFormat, MockTask, MockTaskStatus, TaskLane } from './tasks.js';
