import { createClient } from '@tvs/client';

const client = createClient({
  hooks: {
    beforeRequest: [({ headers, requestId }) => headers.set('x-trace-id', requestId)],
    afterResponse: [({ operation, attempt, status, code, next }) => console.log(operation, attempt, status, code, next)],
    beforeRetry: [({ operation, delayMs, error }) => console.log(operation, 'retry in', delayMs, error)],
  },
});
await client.assets.listTimbres({ PageIndex: 1, PageSize: 1 });
