// Typechecked by release:verify against the installed packages, under `moduleResolution`
// `nodenext` and `bundler`: every entry point resolves to its own declarations, and they are
// real types (the @ts-expect-error lines fail the check if anything degrades to `any`).
import { type ClientOptions, createClient, TvsAmbiguousError, VERSION } from '@tvs/client';
import { describeErrorCode, encodeRequest, TvsApiError } from '@tvs/envelope';
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
  const { TaskId } = await client.video.make({ VirtualmanKey: 'v', InputSsml: 'hi' });
  const done = await client.video.waitFor(TaskId);
  await server.close();
  // @ts-expect-error: VirtualmanKey is required
  await client.video.make({ InputSsml: 'hi' });
  // @ts-expect-error: signString takes strings
  signString(1, 't');
  const isError: boolean = new TvsApiError({} as never) instanceof Error;
  return [signer.signUrl('https://example.com'), signature, version, done.Status, isError]
    .concat(String(describeErrorCode), String(encodeRequest), String(TvsAmbiguousError))
    .join();
}
