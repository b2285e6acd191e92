import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { operationByPath } from '@tvs/envelope';
import { createSigner } from '@tvs/signer';
import { shellWord } from './invocation.js';
import { MOCK_CREDENTIALS, readTarget, UsageError } from './settings.js';
import type { Run } from './video.js';

/** Where a bare path is signed for, without credentials: `tvs-mock-gateway`'s default address. */
export const MOCK_CLI_URL = 'http://127.0.0.1:8787';

/** How long the gateway accepts a signature's timestamp, either way (1211/62085). */
const VALID_SECONDS = 300;

/** Payload values `sign` fills in itself: the paging of every list (first page, 10 items). */
const DEFAULTS: Readonly<Record<string, unknown>> = { PageIndex: 1, PageSize: 10 };

/** A placeholder of each field type, for the `--payload` example of a field nobody can guess. */
const placeholder = (type: string | undefined, name: string): unknown =>
  ({ number: 1, boolean: false, object: {}, array: [] })[type ?? ''] ?? `<${name}>`;

/** What `sign` prints with `--json`. */
export interface Signed {
  /** The signed URL (also the one line on stdout without `--json`). */
  url: string;
  appkey: string;
  /** The signature's Unix time, seconds. */
  timestamp: string;
  /** When the gateway stops accepting it (ISO 8601). */
  expiresAt: string;
  /** Signed with the mock gateway's demo credentials (none in the environment). */
  mock: boolean;
  /** The operation of the URL's path (`video.progress`), when the SDK knows it. */
  operation?: string | undefined;
  /** Its Tencent page. */
  doc?: string | undefined;
  /** The request body: the envelope `{"Header":{},"Payload":{…}}` (HTTP URLs only). */
  body?: string | undefined;
  /** A curl command that makes the call as printed (HTTP URLs, payload complete). */
  curl?: string | undefined;
  /** Required Payload fields with no value yet: give them with `--payload`. */
  missing?: string[] | undefined;
}

/** The `tvs-mock-gateway` command, as a path this shell can run (no bin of it may be on PATH). */
function mockGatewayCommand(): string {
  const manifest = fileURLToPath(import.meta.resolve('@tvs/mock-gateway/package.json'));
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  const cli = fileURLToPath(
    new URL(bin['tvs-mock-gateway'] ?? 'dist/cli.js', pathToFileURL(manifest)),
  );
  const path = relative(process.cwd(), cli);
  return `node ${shellWord(path.startsWith('..') ? cli : path)}`;
}

function parsePayload(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--payload is not JSON: ${(error as Error).message}`, [
      `Give the Payload object in single quotes, e.g. --payload '{"TaskId":"<TaskId>"}'.`,
    ]);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError('--payload must be a JSON object: the Payload of the envelope.');
  }
  return value as Record<string, unknown>;
}

const has = (payload: Record<string, unknown>, dotted: string): boolean => {
  let node: unknown = payload;
  for (const part of dotted.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
};

/** `{"TaskId":"<TaskId>"}`: the missing fields with placeholders, nested where the name is dotted. */
function example(missing: readonly string[], types: Readonly<Record<string, string>>): string {
  const out: Record<string, unknown> = {};
  for (const name of missing) {
    const parts = name.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    const last = parts.at(-1) as string;
    node[last] = placeholder(types[name], last);
  }
  return JSON.stringify(out);
}

/**
 * Signs a URL for curl: the signed URL alone on stdout, how to use it on stderr. Signs with the
 * credentials from the environment, or without them with the mock gateway's demo credentials.
 * For an operation the SDK knows, the curl line carries a Payload with every required field
 * (paging filled in; the rest from `--payload`), so it works as printed. The access token is
 * never printed.
 */
export function sign(
  run: Run,
  input: string,
  options: { payload?: string | undefined; self: string },
): Signed {
  const target = readTarget();
  if (target.kind === 'proxy') {
    throw new UsageError('Nothing to sign with: TVS_BASE_URL is set but the credentials are not.', [
      'Set TVS_APPKEY and TVS_ACCESS_TOKEN, or unset TVS_BASE_URL to sign for the mock gateway.',
    ]);
  }
  const credentials =
    target.kind === 'gateway'
      ? { appkey: target.appkey, accessToken: target.accessToken }
      : MOCK_CREDENTIALS;
  const base = target.kind === 'gateway' ? target.baseUrl : MOCK_CLI_URL;
  let url: URL;
  try {
    url = new URL(input.startsWith('/') ? `${base}${input}` : input);
  } catch {
    throw new UsageError(`Not a URL or path: "${input}".`, [
      'Give a full URL, or a path such as /v2/ivh/crmserver/customerassetservice/describetimbre.',
    ]);
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new UsageError(`Only http(s) and ws(s) URLs are signed, got ${url.protocol}`);
  }
  const given = options.payload === undefined ? undefined : parsePayload(options.payload);
  const op = operationByPath(url.pathname);
  const http = url.protocol === 'http:' || url.protocol === 'https:';
  let payload: Record<string, unknown> = { ...given };
  const missing: string[] = [];
  if (http && op !== undefined) {
    const names = Object.keys(op.required);
    for (const name of names) {
      // `SpeechParam` is missing when `SpeechParam.Speed` is: only the innermost is named.
      if (has(payload, name) || names.some((other) => other.startsWith(`${name}.`))) continue;
      if (given === undefined && name in DEFAULTS) payload = { ...payload, [name]: DEFAULTS[name] };
      else missing.push(name);
    }
    if (given !== undefined && missing.length > 0) {
      throw new UsageError(
        `The Payload lacks ${missing.join(', ')}, which ${op.path.split('/').at(-1)} requires (${op.doc[0]}).`,
        [`Add ${missing.length === 1 ? 'it' : 'them'} to --payload.`],
      );
    }
  }

  const signed = createSigner(credentials).signUrl(url.href);
  const timestamp = new URL(signed).searchParams.get('timestamp') ?? '';
  const expiresAt = new Date((Number(timestamp) + VALID_SECONDS) * 1000).toISOString();
  const body = http ? JSON.stringify({ Header: {}, Payload: payload }) : undefined;
  const curl =
    body !== undefined && missing.length === 0
      ? `curl -sS -H 'Content-Type: application/json;charset=utf-8' -d ${shellWord(body)} ${shellWord(signed)}`
      : undefined;

  if (!run.ui.json) {
    const { ui } = run;
    ui.line(signed);
    ui.error(
      target.kind === 'gateway'
        ? `Signed with appkey ${credentials.appkey}; the gateway accepts it until ${expiresAt} (±5 minutes).`
        : `Signed with the mock gateway's demo appkey ${credentials.appkey} (no TVS_APPKEY/TVS_ACCESS_TOKEN set), for a mock gateway on ${MOCK_CLI_URL}, until ${expiresAt}. Start one in another terminal with: ${mockGatewayCommand()}`,
    );
    if (!http) {
      ui.error('A WebSocket URL: open it with a WebSocket client before it expires (curl cannot).');
    } else if (op === undefined) {
      ui.error(
        `${url.pathname} is not an endpoint this SDK knows, so the Payload below is ${given === undefined ? 'empty' : 'yours'}: see the endpoint's page for what it needs.`,
      );
    } else if (missing.length > 0) {
      ui.error(
        `${op.path.split('/').at(-1)} needs ${missing.join(', ')} in its Payload (${op.doc[0]}). For a curl line that works as printed, give ${missing.length === 1 ? 'it' : 'them'}:`,
      );
      ui.error(
        `  ${options.self} sign ${shellWord(input)} --payload ${shellWord(example(missing, op.required))}`,
      );
    }
    if (curl !== undefined) ui.error(`Try: ${curl}`);
  }
  return {
    url: signed,
    appkey: credentials.appkey,
    timestamp,
    expiresAt,
    mock: target.kind === 'mock',
    operation: op?.name,
    doc: op?.doc[0],
    body,
    curl,
    ...(missing.length > 0 ? { missing } : {}),
  };
}
