import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { TvsChannelError } from '../errors/tvs-channel-error.js';
import { redactedCause as copyCause, redactUrl } from '../internal/redact.js';
import { channelErrorFactory } from './channel-errors.js';

const redactedCause = (cause: unknown) => copyCause(cause, redactUrl);

const SIGNED =
  'wss://gw.example/v2/ws/ivh/interactdriver/interactdriverservice/commandchannel?appkey=a&requestid=s-1&timestamp=1717639699&signature=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D';
const SIGNATURE = 'c2VjcmV0LXNpZ25hdHVyZQ';

/** Everything a caller could print of a value. */
function everyView(value: unknown): string {
  const views = [String(value), JSON.stringify(value) ?? ''];
  views.push(inspect(value, { showHidden: true, depth: 10, getters: true }));
  if (value instanceof Error) views.push(value.stack ?? '');
  return views.join('\n');
}

describe('channel errors never carry a signature', () => {
  it('redacts the message, and every level of the cause chain in every view', () => {
    const deepest = Object.assign(new Error(`connect ECONNREFUSED for ${SIGNED}`), {
      code: 'ECONNREFUSED',
      url: SIGNED, // an own property a WebSocket library might add: left out of the copy
    });
    const cause = new SyntaxError(`Invalid URL: ${SIGNED}`, {
      cause: new TypeError(`while opening ${SIGNED}`, { cause: deepest }),
    });
    const error = channelErrorFactory('s-1')('connect-failed', `could not open ${SIGNED}`, {
      cause,
    });
    expect(error).toBeInstanceOf(TvsChannelError);
    const printed = everyView(error);
    expect(printed).not.toContain(SIGNATURE);
    expect(printed).toContain('signature=REDACTED');
    // The copy keeps what helps: names, messages, codes, the chain.
    const first = error.cause as Error;
    expect(first).toMatchObject({ name: 'SyntaxError' });
    expect(first.message).toBe(
      `Invalid URL: ${SIGNED.replace(/signature=.*/, 'signature=REDACTED')}`,
    );
    const third = (first.cause as Error).cause as Error & { code?: string; url?: string };
    expect(third.code).toBe('ECONNREFUSED');
    expect(third.url).toBeUndefined();
  });

  it('a DOMException or a plain value as cause is redacted too; no cause stays no cause', () => {
    const dom = new DOMException(`The URL '${SIGNED}' is invalid.`, 'SyntaxError');
    expect(everyView(redactedCause(dom))).not.toContain(SIGNATURE);
    expect(redactedCause(`text ${SIGNED}`)).not.toContain(SIGNATURE);
    expect(redactedCause({ url: SIGNED })).not.toContain(SIGNATURE);
    const plain = channelErrorFactory('s-1')('closed', 'the channel is closed');
    expect(plain.message).toBe('commandChannel s-1: the channel is closed');
    expect(plain.cause).toBeUndefined();
  });

  it('a cause chain that loops ends at a bounded depth', () => {
    const loop = new Error(`a ${SIGNED}`) as Error & { cause?: unknown };
    loop.cause = loop;
    let depth = 0;
    for (let c: unknown = redactedCause(loop); c instanceof Error; c = c.cause) depth += 1;
    expect(depth).toBe(5);
  });
});
