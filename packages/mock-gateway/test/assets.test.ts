import type { ListeningGateway, MockGateway } from '@tvs/mock-gateway';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listeningGateway } from './loopback.js';
import { PATHS, post, signedUrl } from './sign.js';

let gateway: MockGateway;
let server: ListeningGateway;
beforeEach(async () => {
  ({ gateway, server } = await listeningGateway());
});
afterEach(() => server.close());

const timbres = async (filters: Record<string, unknown>) => {
  const { json } = await post(signedUrl(server.url, PATHS.timbres), {
    PageIndex: 1,
    PageSize: 100,
    ...filters,
  });
  return json.Payload as { Total: number; TimbreAssets: Array<Record<string, unknown>> };
};

describe('describetimbre filters (1240/81274)', () => {
  it('TimbreKey exactly, TimbreKeyList winning over it, TimbreName fuzzily, PurchaseType', async () => {
    const [a, b] = gateway.catalogue.timbres;
    const keysOf = (answer: Awaited<ReturnType<typeof timbres>>) =>
      answer.TimbreAssets.map((t) => t['TimbreKey']);
    expect(keysOf(await timbres({ TimbreKey: a!.TimbreKey }))).toEqual([a!.TimbreKey]);
    const both = await timbres({ TimbreKey: a!.TimbreKey, TimbreKeyList: [b!.TimbreKey] });
    expect(keysOf(both)).toEqual([b!.TimbreKey]);
    const fragment = a!.TimbreName.slice(0, 3);
    const byName = await timbres({ TimbreName: fragment });
    expect(byName.Total).toBeGreaterThan(0);
    expect(byName.TimbreAssets.every((t) => String(t['TimbreName']).includes(fragment))).toBe(true);
    const all = await timbres({});
    expect(all.Total).toBe(gateway.catalogue.timbres.length);
    expect(all.TimbreAssets.every((t) => t['PurchaseType'] === 'Lease')).toBe(true);
    expect((await timbres({ PurchaseType: 'Lease' })).Total).toBe(all.Total);
    expect((await timbres({ PurchaseType: 'Custom' })).Total).toBe(0);
    // TimbreLanguage is no request field of the page: it filters nothing.
    expect((await timbres({ TimbreLanguage: 'xx-XX' })).Total).toBe(all.Total);
  });
});
