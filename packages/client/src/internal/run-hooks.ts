import type { ClientHooks } from '../hooks.js';

/** The client's hooks, then the call's; `undefined` when there are none at all. @internal */
export function mergeHooks(
  client: ClientHooks | undefined,
  call: ClientHooks | undefined,
): ClientHooks | undefined {
  if (!call) return client;
  if (!client) return call;
  const both = <K extends keyof ClientHooks>(name: K) =>
    [...(client[name] ?? []), ...(call[name] ?? [])] as ClientHooks[K];
  return {
    beforeRequest: both('beforeRequest'),
    afterResponse: both('afterResponse'),
    beforeRetry: both('beforeRetry'),
    beforeError: both('beforeError'),
  };
}

/**
 * Runs hooks in order with `info`. With `rethrow`, the first error fails the run (a
 * `beforeRequest` hook stops the request); otherwise errors are dropped, since the call's outcome
 * no longer depends on them. @internal
 */
export async function runHooks<T>(
  hooks: ReadonlyArray<(info: T) => void | Promise<void>> | undefined,
  info: T,
  rethrow = false,
): Promise<void> {
  if (!hooks) return;
  for (const hook of hooks) {
    try {
      await hook(info);
    } catch (error) {
      if (rethrow) throw error;
    }
  }
}

const HOOK_NAMES = ['beforeRequest', 'afterResponse', 'beforeRetry', 'beforeError'];

/** Checks a `hooks` option: known names, each an array of functions. @internal */
export function checkHooks(hooks: unknown, where: string): ClientHooks | undefined {
  if (hooks === undefined) return undefined;
  if (hooks === null || typeof hooks !== 'object' || Array.isArray(hooks)) {
    throw new TypeError(`${where}: hooks must be an object of hook arrays`);
  }
  for (const [name, list] of Object.entries(hooks)) {
    if (!HOOK_NAMES.includes(name)) {
      throw new TypeError(
        `${where}: unknown hook "${name.slice(0, 40)}" (known: ${HOOK_NAMES.join(', ')})`,
      );
    }
    if (list !== undefined && (!Array.isArray(list) || list.some((f) => typeof f !== 'function'))) {
      throw new TypeError(`${where}: hooks.${name} must be an array of functions`);
    }
  }
  return hooks as ClientHooks;
}
