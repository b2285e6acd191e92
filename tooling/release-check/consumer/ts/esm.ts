// Typechecked by release:verify against the installed packages, under `moduleResolution`
// `nodenext` and `bundler`: every entry point resolves to its own declarations, and they are
// real types (the @ts-expect-error lines fail the check if anything degrades to `any`).
import { type BatchSummary, type JobState, parseJobs, runBatch } from '@tvs/batch';
import { type ClientOptions, createClient, TvsAmbiguousError, VERSION } from '@tvs/client';
import { API_CODES, describeErrorCode, encodeRequest, TvsApiError } from '@tvs/envelope';
import { type DecodedUplinkFrame, decodeUplinkFrame, refuseRequest } from '@tvs/envelope/server';
import { createMockGateway, type MockGateway } from '@tvs/mock-gateway';
import { listen } from '@tvs/mock-gateway/node';
import { canonicalQuery, createSigner, type Signer, signString } from '@tvs/signer';

const credentials = { appkey: 'k', accessToken: 't' };
const gateway: MockGateway = createMockGateway({ credentials: [credentials] });
const options: ClientOptions = { ...credentials, baseUrl: 'http://127.0.0.1:1' };
const client = createClient(options);
const signer: Signer = createSigner(credentials);
const signature: string = signString(canonicalQuery({ a: 'b' }), 't');
const version: string = VERSION;

export async function typed(): Promise<string> {
  const server = await listen(gateway);
  const { TaskId } = await client.video.make({
    VirtualmanKey: 'v',
    InputSsml: 'hi',
    SpeechParam: { Speed: 1 },
  });
  const done = await client.video.waitFor(TaskId);
  await server.close();
  // @ts-expect-error: VirtualmanKey is required
  await client.video.make({ InputSsml: 'hi', SpeechParam: { Speed: 1 } });
  const frame: DecodedUplinkFrame = decodeUplinkFrame('{}');
  // @ts-expect-error: the server entry's refusal has a numeric code
  const code: string = refuseRequest({} as never, {})?.code;
  const limit: number = API_CODES.REQUEST_LIMIT_EXCEEDED;
  // @ts-expect-error: signString takes strings
  signString(1, 't');
  const isError: boolean = new TvsApiError({} as never) instanceof Error;
  return [
    signer.signUrl('https://example.com'),
    signature,
    version,
    done.Status,
    isError,
    frame,
    code,
    limit,
  ]
    .concat(String(describeErrorCode), String(encodeRequest), String(TvsAmbiguousError))
    .join();
}

export async function batch(): Promise<JobState> {
  const { jobs } = parseJobs('jobs.csv', 'id,text,avatar\na,Hi,v\n');
  const summary: BatchSummary = await runBatch({ input: 'jobs.csv', client, concurrency: 2 });
  // @ts-expect-error: concurrency is a number
  await runBatch({ input: 'jobs.csv', concurrency: 'two' });
  return jobs[0]!.operation === 'video.make'
    ? 'downloaded'
    : summary.counts.failed > 0
      ? 'failed'
      : 'queued';
}
