// page.ts, bundled into a page served next to the edge signer
import { createClient } from '@tvs/client';

const client = createClient({ baseUrl: 'https://edge.example/tvs' });
const { TimbreAssets } = await client.assets.listTimbres({ PageIndex: 1, PageSize: 10 });
console.log(TimbreAssets.length);
