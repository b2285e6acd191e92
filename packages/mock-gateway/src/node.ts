/**
 * `@tvs/mock-gateway/node`: serves a mock gateway over `node:http`, the command channel over
 * `ws` on the same port. The adapter's modules are in `src/node/`, the only place of the
 * package (with the CLI there) that uses Node APIs.
 * @packageDocumentation
 */
export type { ListeningGateway } from './create-mock-gateway.js';
export { listen } from './node/listen.js';
