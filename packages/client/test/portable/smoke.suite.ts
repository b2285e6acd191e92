// Portable: runs under vitest and, bundled, in every runtime of tooling/runtime-matrix.
// Only chai and the packages' public entries; no Node APIs, no sockets: the client's `fetch` is
// the mock gateway's fetch handler, and time is the gateway's virtual clock.
import {
  type ClientOptions,
  createClient,
  TvsAmbiguousError,
  TvsApiError,
  type TvsClient,
  TvsError,
  TvsNetworkError,
} from '@tvs/client';
import { createMockGateway, type MockGateway } from '@tvs/mock-gateway';
import { expect } from 'chai';
import { rejection } from './rejection.js';

const APPKEY = 'app-portable-smoke';
const TOKEN = 'tok-SECRET-portable-5m0ke-do-not-print';
/** Not a real host: every request goes to the fetch handler, never to a network. */
const BASE_URL = 'https://mock-gateway.invalid';
const MAKE = '/videomake';
const PROGRESS = '/broadcastservice/getprogress';

interface Harness {
  gateway: MockGateway;
  /** A client whose fetch is the gateway's handler, on its clock, with millisecond backoff. */
  client(options?: ClientOptions): TvsClient;
  callsTo(suffix: string): MockGateway['calls'];
}

/** Runs `body` against a fresh gateway on a virtual clock, and always closes it. */
async function withGateway(body: (h: Harness) => Promise<void>): Promise<void> {
  const gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => Date.UTC(2025, 0, 1),
    renderSpeed: 50,
    seed: 7,
  });
  try {
    await body({
      gateway,
      client: (options = {}) =>
        createClient({
          appkey: APPKEY,
          accessToken: TOKEN,
          baseUrl: BASE_URL,
          fetch: (input, init) => gateway.fetch(new Request(input, init)),
          now: gateway.clock.now,
          retry: { baseDelay: 1, maxDelay: 5 },
          // The suite runs in Chromium too, where a page may not hold a token: this one is a test.
          dangerouslyAllowBrowser: true,
          ...options,
        }),
      callsTo: (suffix) => gateway.calls.filter((call) => call.path.endsWith(suffix)),
    });
  } finally {
    gateway.close();
  }
}

const make = (h: Harness, client = h.client()) =>
  client.video.make({
    VirtualmanKey: h.gateway.catalogue.avatars[0]!.VirtualmanKey,
    InputSsml: 'Hello from the portable suite.',
    SpeechParam: { Speed: 1 },
  });

const cases: Array<{ name: string; run: () => void | Promise<void> }> = [
  {
    name: 'pages through timbres and avatars with for await',
    run: () =>
      withGateway(async (h) => {
        const client = h.client();
        const timbres: string[] = [];
        for await (const t of client.assets.timbres({}, { pageSize: 5 }))
          timbres.push(String(t.TimbreKey));
        const expected = h.gateway.catalogue.timbres.map((t) => t.TimbreKey);
        expect(timbres).to.deep.equal(expected);
        expect(h.callsTo('/describetimbre')).to.have.length(Math.ceil(expected.length / 5));
        const avatars: string[] = [];
        for await (const a of client.assets.avatars()) avatars.push(String(a.VirtualmanKey));
        expect(avatars).to.have.length(h.gateway.catalogue.avatars.length);
        expect(new Set(avatars).size).to.equal(avatars.length);
      }),
  },
  {
    name: 'makes a video and waits for it on the virtual clock',
    run: () =>
      withGateway(async (h) => {
        const client = h.client();
        const { TaskId } = await make(h, client);
        expect(TaskId).to.be.a('string').and.not.equal('');
        const before = await client.video.progress({ TaskId });
        expect(['COMMIT', 'MAKING']).to.include(before.Status);
        await h.gateway.clock.advance(60_000);
        const states: Array<string | undefined> = [];
        const done = await client.video.waitFor(TaskId, {
          pollInterval: 1,
          onProgress: (p) => states.push(p.Status),
        });
        expect(done.Status).to.equal('SUCCESS');
        expect(done.MediaUrl).to.match(/^https?:\/\//);
        expect(states.at(-1)).to.equal('SUCCESS');
        expect(h.gateway.tasks).to.have.length(1);
      }),
  },
  {
    name: 'surfaces a gateway error as TvsApiError with its category',
    run: () =>
      withGateway(async (h) => {
        const error = await rejection(h.client().video.progress({ TaskId: 'no-such-task' }));
        expect(error).to.be.instanceOf(TvsApiError);
        expect(error).to.be.instanceOf(TvsError);
        const api = error as TvsApiError;
        expect(api.code).to.equal(110006);
        expect(api.category).to.equal('not-found');
        expect(api.retryable).to.equal(false);
        expect(api.requestId).to.match(/^[0-9a-f]{32}$/);
        expect(JSON.parse(JSON.stringify(api))).to.include({ name: 'TvsApiError', code: 110006 });
        expect(h.callsTo(PROGRESS)).to.have.length(1);
      }),
  },
  {
    name: 'a wrong token is an auth error, not retried',
    run: () =>
      withGateway(async (h) => {
        const error = await rejection(make(h, h.client({ accessToken: 'tok-wrong' })));
        expect(error).to.be.instanceOf(TvsApiError);
        expect((error as TvsApiError).code).to.equal(100005);
        expect((error as TvsApiError).category).to.equal('auth');
        const calls = h.callsTo(MAKE);
        expect(calls).to.have.length(1);
        expect(calls[0]!.authFailure).to.be.a('string');
        expect(h.gateway.tasks).to.have.length(0);
      }),
  },
  {
    name: 'retries a throttled call, signing each attempt anew',
    run: () =>
      withGateway(async (h) => {
        // One second further on each reading, so each signature has its own timestamp.
        let tick = 0;
        const client = h.client({ now: () => h.gateway.clock.now() + 1000 * ++tick });
        h.gateway.faults.next({ kind: 'throttle', path: MAKE, code: 100012 });
        h.gateway.faults.next({ kind: 'throttle', path: MAKE, code: 801004 });
        const { TaskId } = await make(h, client);
        expect(TaskId).to.be.a('string');
        const calls = h.callsTo(MAKE);
        expect(calls.map((c) => c.code)).to.deep.equal([100012, 801004, 0]);
        expect(new Set(calls.map((c) => c.timestamp)).size).to.equal(3);
        expect(new Set(calls.map((c) => c.signature)).size).to.equal(3);
        expect(new Set(calls.map((c) => c.requestId)).size).to.equal(1);
        expect(h.gateway.tasks).to.have.length(1);
      }),
  },
  {
    name: 'never puts the access token in an error (JSON, String, stack)',
    run: () =>
      withGateway(async (h) => {
        const client = h.client();
        const errors: unknown[] = [
          await rejection(client.video.progress({ TaskId: 'missing' })),
          await rejection(make(h, h.client({ accessToken: `${TOKEN}-wrong` }))),
        ];
        h.gateway.faults.next({ kind: 'throttle', path: PROGRESS, count: 3 });
        errors.push(await rejection(client.video.progress({ TaskId: 'x' })));
        h.gateway.faults.next({ kind: 'reset-after', path: MAKE });
        errors.push(await rejection(make(h, client)));
        h.gateway.faults.next({ kind: 'reset-before', path: PROGRESS });
        errors.push(await rejection(h.client({ retry: false }).video.progress({ TaskId: 'x' })));

        expect(errors[3]).to.be.instanceOf(TvsAmbiguousError);
        expect(errors[4]).to.be.instanceOf(TvsNetworkError);
        for (const error of errors) {
          expect(error).to.be.instanceOf(TvsError);
          const e = error as TvsError;
          for (const text of [JSON.stringify(e), String(e), e.message, e.stack ?? '']) {
            expect(text).not.to.contain(TOKEN);
            expect(text).not.to.contain('tok-SECRET');
            expect(text).not.to.match(/signature=(?!REDACTED)[^&\s"]+/);
          }
        }
        for (const call of h.gateway.calls) expect(JSON.stringify(call)).not.to.contain(TOKEN);
      }),
  },
  {
    name: 'withResponse() gives the metadata of a call, the plain call its payload',
    run: () =>
      withGateway(async (h) => {
        const client = h.client();
        const { TaskId } = await make(h, client);
        const plain = await client.video.progress({ TaskId });
        const { data, requestId, header, response } = await client.video
          .progress({ TaskId })
          .withResponse();
        expect(Object.keys(data).sort()).to.deep.equal(Object.keys(plain).sort());
        expect(requestId).to.match(/^[0-9a-f]{32}$/);
        expect(header.Code).to.equal(0);
        expect(response.status).to.equal(200);
      }),
  },
  {
    name: 'an access token is refused where document exists (a page), unless allowed',
    run: () => {
      const options = { appkey: APPKEY, accessToken: TOKEN, baseUrl: BASE_URL };
      const inPage = typeof (globalThis as { document?: unknown }).document !== 'undefined';
      let refusal: unknown;
      try {
        createClient(options);
      } catch (error) {
        refusal = error;
      }
      if (inPage) expect(String(refusal)).to.match(/edge signer/);
      else expect(refusal).to.equal(undefined);
      expect(createClient({ ...options, dangerouslyAllowBrowser: true }).appkey).to.equal(APPKEY);
      expect(createClient({ baseUrl: BASE_URL }).appkey).to.equal(undefined);
    },
  },
];

/** The client's portable smoke suite: the public API against the mock gateway's fetch handler. */
export default { name: '@tvs/client smoke (mock gateway)', cases };
