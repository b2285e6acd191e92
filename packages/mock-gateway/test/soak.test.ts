import { Agent, request } from 'node:http';
import { createMockGateway } from '@tvs/mock-gateway';
import { expect, it } from 'vitest';
import { APPKEY, PATHS, signedUrl, T0, TOKEN } from './sign.js';

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
};

function send(agent: Agent, url: string, method: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method,
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(-1));
      },
    );
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}

it('survives 10,000 mixed valid and hostile requests with flat memory', async () => {
  const gateway = createMockGateway({
    credentials: [{ appkey: APPKEY, accessToken: TOKEN }],
    now: () => T0,
    maxCalls: 1000,
  });
  const server = await gateway.listen();
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const key = gateway.catalogue.avatars[0]!.VirtualmanKey;
  const valid = signedUrl(server.url, PATHS.timbres);
  const progress = signedUrl(server.url, PATHS.progress);
  const kinds: Array<[string, string, string]> = [
    [valid, 'POST', JSON.stringify({ Header: {}, Payload: { PageIndex: 2, PageSize: 10 } })],
    [
      progress,
      'POST',
      JSON.stringify({ Header: { RequestID: 'soak' }, Payload: { TaskId: 'missing' } }),
    ],
    [
      signedUrl(server.url, PATHS.make),
      'POST',
      JSON.stringify({
        Payload: { VirtualmanKey: key, InputSsml: '你好', SpeechParam: { Speed: 1 } },
      }),
    ],
    [valid, 'POST', '{"Header": {garbage'],
    [valid, 'POST', '[1,2,3]'],
    [`${server.url}${PATHS.timbres}?appkey=x&timestamp=1&signature=y`, 'POST', '{}'],
    [signedUrl(server.url, '/v2/ivh/unknown'), 'POST', '{}'],
    [valid, 'GET', ''],
    [valid, 'POST', `{"Payload":{"x":"${'y'.repeat(20_000)}"}}`],
    [progress, 'POST', JSON.stringify({ Payload: { TaskId: [1] } })],
  ];
  const total = 10_000;
  const round = async (from: number, to: number) => {
    const statuses: number[] = [];
    const batch = 64;
    for (let i = from; i < to; i += batch) {
      const jobs = [];
      for (let j = i; j < Math.min(to, i + batch); j++) {
        const [url, method, body] = kinds[j % kinds.length]!;
        jobs.push(send(agent, url, method, body));
      }
      statuses.push(...(await Promise.all(jobs)));
    }
    return statuses;
  };
  const started = performance.now();
  await round(0, 1000); // warm-up
  const before = heap();
  const statuses = await round(1000, total);
  const after = heap();
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  await server.close();
  const growthMb = (after - before) / 1024 / 1024;
  console.log(
    `soak: ${total} requests in ${seconds.toFixed(1)} s, heapUsed ${(before / 1024 / 1024).toFixed(1)} MB -> ${(after / 1024 / 1024).toFixed(1)} MB (gc ${gc ? 'forced' : 'unavailable'}), tasks kept ${gateway.tasks.length}, calls kept ${gateway.calls.length}`,
  );
  expect(statuses.filter((s) => s <= 0)).toHaveLength(0);
  expect(new Set(statuses)).toEqual(new Set([200, 404, 405]));
  expect(gateway.calls.length).toBeLessThanOrEqual(1000);
  // 900 tasks were created in the measured window (about 1 KB each); everything else must be flat.
  expect(growthMb).toBeLessThan(8);
  // No wall-clock assertion: CI shares 2 cores with other suites; the log line reports the time.
}, 180_000);
