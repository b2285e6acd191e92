// pagination.ts: every avatar and voice of the account, however many pages they fill.
// Run with: node pagination.ts
import { createClient } from '@tvs/client';

const client = createClient();

// The iterators fetch page after page (PageIndex 1, 2, …) only as the loop asks for more,
// and stop after the last one (a short page, or Total reached).
let avatars = 0;
for await (const avatar of client.assets.avatars()) {
  avatars++;
  if (avatars <= 3) console.log(`avatar ${avatar['VirtualmanKey']} (${avatar['AnchorName']})`);
}
console.log(`${avatars} avatars in all`);

// Leaving the loop early fetches no further page: here, one request of 5.
const someVoices: string[] = [];
for await (const timbre of client.assets.timbres({}, { pageSize: 5 })) {
  someVoices.push(String(timbre['TimbreName']));
  if (someVoices.length === 5) break;
}
console.log(`first voices: ${someVoices.join(', ')}`);

// One page at a time, as a paged table in a UI wants them: PageIndex counts from 1, and
// Total says how many pages there are.
const pageSize = 10;
const page = await client.assets.listTimbres({ PageIndex: 2, PageSize: pageSize });
const pages = Math.ceil(page.Total / pageSize);
console.log(`voices page 2 of ${pages}: ${page.TimbreAssets.length} of ${page.Total}`);
