import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';

describe('parseConfig', () => {
  it('keeps the edge signer origin and the caller token', () => {
    expect(parseConfig({ edgeUrl: 'https://edge.example/', callerToken: 't0ken' })).toEqual({
      edgeUrl: 'https://edge.example',
      callerToken: 't0ken',
    });
    expect(parseConfig({ edgeUrl: 'http://127.0.0.1:8788' })).toEqual({
      edgeUrl: 'http://127.0.0.1:8788',
      callerToken: undefined,
    });
  });

  it('says what is wrong', () => {
    expect(() => parseConfig([])).toThrow('must hold a JSON object');
    expect(() => parseConfig({})).toThrow('"edgeUrl" (the edge signer\'s URL) is missing');
    expect(() => parseConfig({ edgeUrl: 'edge.example' })).toThrow('is not a URL');
    expect(() => parseConfig({ edgeUrl: 'ftp://edge.example' })).toThrow('http(s) URL');
    expect(() => parseConfig({ edgeUrl: 'https://e.example', callerToken: '' })).toThrow(
      '"callerToken" must be a non-empty string',
    );
  });
});
