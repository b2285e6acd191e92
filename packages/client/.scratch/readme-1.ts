import { createClient } from '@tvs/client';

const client = createClient();
const { TimbreAssets } = await client.assets.listTimbres({ PageIndex: 1, PageSize: 5 });
console.log(TimbreAssets.length);

const { data, requestId, header, response } = await client.assets
  .listTimbres(
    { PageIndex: 1, PageSize: 5 },
    {
      signal: AbortSignal.timeout(10_000),
      timeout: 5_000,
      retry: { limit: 4 },
      headers: { 'x-trace-id': 'trace-1' },
    },
  )
  .withResponse();
console.log(data.Total, requestId, header.Code, response.status);

for await (const timbre of client.assets.timbres({}, { pageSize: 50 })) {
  console.log(timbre['TimbreKey']);
}

const raw = await client.request('/v2/ivh/crmserver/customerassetservice/describetimbre', {
  PageIndex: 1,
  PageSize: 1,
});
console.log(raw.payload, raw.requestId);
