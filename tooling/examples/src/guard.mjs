// Preloaded (`--import`) into every example the harness runs: `fetch` and `WebSocket` refuse any
// host but loopback, so an example that would reach a real gateway (or anything else) fails
// loudly instead. The examples themselves are run unchanged.
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function refuse(target) {
  let host = String(target);
  try {
    host = new URL(target).host;
  } catch {}
  return new TypeError(`examples harness: ${host} is not loopback; examples run against the mock`);
}

const isLoopback = (target) => {
  try {
    return LOOPBACK.has(new URL(target).hostname);
  } catch {
    return false;
  }
};

const realFetch = globalThis.fetch;
globalThis.fetch = function fetch(input, init) {
  const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
  return isLoopback(String(url)) ? realFetch(input, init) : Promise.reject(refuse(url));
};

const RealWebSocket = globalThis.WebSocket;
if (RealWebSocket) {
  globalThis.WebSocket = class WebSocket extends RealWebSocket {
    constructor(url, protocols) {
      if (!isLoopback(String(url))) throw refuse(url);
      super(url, protocols);
    }
  };
}
