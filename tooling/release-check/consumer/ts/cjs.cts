// The CommonJS side of the TypeScript consumer: `require` resolves the `.d.cts` declarations.
import batch = require('@tvs/batch');
import client = require('@tvs/client');
import envelope = require('@tvs/envelope');
import envelopeServer = require('@tvs/envelope/server');
import mock = require('@tvs/mock-gateway');
import node = require('@tvs/mock-gateway/node');
import signer = require('@tvs/signer');

const credentials = { appkey: 'k', accessToken: 't' };
export const url: string = signer.createSigner(credentials).signUrl('https://example.com');
export const api = client.createClient({ ...credentials, baseUrl: 'http://127.0.0.1:1' });
export const gateway = mock.createMockGateway({ credentials: [credentials] });
export const started: Promise<{ url: string }> = node.listen(gateway);
export const describe: typeof envelope.describeErrorCode = envelope.describeErrorCode;
export const decodeUplink: typeof envelopeServer.decodeUplinkFrame =
  envelopeServer.decodeUplinkFrame;
// @ts-expect-error: createSigner needs credentials
signer.createSigner();
export const parsed: number = batch.parseJobs('j.csv', 'id,text,avatar\na,Hi,v\n').jobs.length;
