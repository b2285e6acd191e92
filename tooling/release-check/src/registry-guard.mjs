// The one test a publish target must pass in release:verify: plain http on 127.0.0.1 at the port
// of the throwaway Verdaccio. Anything else (another host, another port, a name that merely starts
// with 127.0.0.1, an unparsable value) is refused.

/**
 * @param {unknown} value a registry URL as a config tool printed it
 * @param {number} port the throwaway registry's port
 */
export function isLoopbackRegistry(value, port) {
  let url;
  try {
    url = new URL(String(value).trim());
  } catch {
    return false;
  }
  return (
    url.protocol === 'http:' &&
    url.hostname === '127.0.0.1' &&
    url.port !== '' &&
    Number(url.port) === port &&
    url.username === '' &&
    url.password === ''
  );
}
