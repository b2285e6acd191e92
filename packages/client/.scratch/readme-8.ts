// proxy.ts: npm install undici; HTTPS_PROXY=http://proxy.example:3128 node proxy.ts
import { createClient } from '@tvs/client';
import { ProxyAgent } from 'undici';

// Node's fetch is undici: it takes a `dispatcher` beside the standard options.
const dispatcher = new ProxyAgent(process.env.HTTPS_PROXY ?? 'http://127.0.0.1:3128');
const client = createClient({
  fetch: (input, init) => fetch(input, { ...init, dispatcher } as RequestInit),
});
console.log((await client.assets.listTimbres({ PageIndex: 1, PageSize: 1 })).Total);
