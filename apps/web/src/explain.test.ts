import { TvsApiError, TvsHttpError, TvsNetworkError } from '@tvs/client';
import { describe, expect, it } from 'vitest';
import { explain } from './explain.js';

describe('explain (the page)', () => {
  it('explains a gateway code as the CLI does, with hints about the edge signer', () => {
    const explained = explain(new TvsApiError({ code: 100005, gatewayMessage: 'Auth.Fail' }));
    expect(explained.headline).toBe('The gateway refused the call: error 100005 (auth).');
    expect(explained.details).toContain('Gateway message: Auth.Fail');
    expect(explained.hints.join(' ')).toContain('edge signer');
    expect(explained.hints.join(' ')).not.toContain('tvs-demo');
  });

  it("explains the edge signer's own refusals", () => {
    const refusal = new TvsHttpError(
      401,
      '{"error":"unauthorized","message":"The bearer token is not valid."}',
      {},
    );
    expect(explain(refusal)).toEqual({
      headline: 'The edge signer refused the call: unauthorized (HTTP 401).',
      details: ['The bearer token is not valid.'],
      hints: ['"callerToken" in tvs-web.json must be the Worker’s EDGE_BEARER_TOKEN.'],
    });
  });

  it('names the edge signer when it cannot be reached, and explains anything else plainly', () => {
    const network = explain(
      new TvsNetworkError('Failed to fetch', false, {}),
      'https://edge.example',
    );
    expect(network.headline).toBe('Cannot reach the gateway at https://edge.example.');
    expect(network.hints.join(' ')).toContain('ALLOWED_ORIGINS');
    expect(explain(new Error('Pick an avatar first.'))).toEqual({
      headline: 'Pick an avatar first.',
      details: [],
      hints: [],
    });
  });
});
