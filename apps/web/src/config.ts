/**
 * Where the page finds the edge signer. Read at start-up from `tvs-web.json` beside the page,
 * so one build serves any deployment: `pnpm demo web` serves it from memory, a deployment
 * writes it next to `index.html`. It never holds a gateway credential: only the Worker's URL
 * and, when the Worker checks one, the caller token it expects from pages.
 */
export interface PageConfig {
  /** The edge signer's origin, e.g. `https://tvs-edge-signer.example.workers.dev`. */
  readonly edgeUrl: string;
  /** `EDGE_BEARER_TOKEN` of the Worker, when it checks callers with one. */
  readonly callerToken?: string | undefined;
}

/** The file the page reads its configuration from, relative to the page. */
export const CONFIG_FILE = 'tvs-web.json';

/** Checks what `tvs-web.json` holds; throws a readable error naming what is wrong. */
export function parseConfig(value: unknown): PageConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${CONFIG_FILE} must hold a JSON object with "edgeUrl".`);
  }
  const { edgeUrl, callerToken } = value as Record<string, unknown>;
  if (typeof edgeUrl !== 'string') {
    throw new Error(`${CONFIG_FILE}: "edgeUrl" (the edge signer's URL) is missing.`);
  }
  let url: URL;
  try {
    url = new URL(edgeUrl);
  } catch {
    throw new Error(`${CONFIG_FILE}: "edgeUrl" is not a URL: ${JSON.stringify(edgeUrl)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${CONFIG_FILE}: "edgeUrl" must be an http(s) URL.`);
  }
  if (callerToken !== undefined && (typeof callerToken !== 'string' || callerToken === '')) {
    throw new Error(`${CONFIG_FILE}: "callerToken" must be a non-empty string when given.`);
  }
  return { edgeUrl: url.origin, callerToken };
}

/** Fetches and checks the page's configuration. */
export async function loadConfig(base: string = document.baseURI): Promise<PageConfig> {
  const response = await fetch(new URL(CONFIG_FILE, base), { cache: 'no-store' });
  if (!response.ok) {
    throw new Error(`${CONFIG_FILE} could not be read (HTTP ${response.status}).`);
  }
  return parseConfig(await response.json());
}
