// Never stricter than Tencent's own examples: every documented example that could be read
// whole (test/fixtures/examples.json, each with its page) passes the envelope's checks, and
// decodes with every value kept.
import {
  decodeOperationResponse,
  decodeResponse,
  decodeTaskCallback,
  type Operation,
  type OperationName,
  operations,
  TvsApiError,
} from '@tvs/envelope';
import { decodeUplinkFrame, refuseRequest } from '@tvs/envelope/server';
import { describe, expect, it } from 'vitest';
import fixtures from './fixtures/examples.json' with { type: 'json' };

interface Example {
  target: string;
  kind: string;
  page: string;
  label: string | null;
  example: Record<string, unknown>;
}

const examples = fixtures.examples as Example[];
const named = (kind: string) =>
  examples
    .filter((e) => e.kind === kind)
    .map((e) => [`${e.target} ${e.page} ${e.label ?? ''}`.trim(), e] as const);

/**
 * Examples an older page printed that a newer page of the same endpoint contradicts: where the
 * pages disagree the newer one wins (the reason names both).
 */
const SUPERSEDED: Record<string, string> = {
  'https://www.tencentcloud.com/zh/document/product/1211/62120':
    'the HTTP drive examples of 1211/62120 (2024) leave out ReqId; 1240/100404 (2026) marks it required and its examples send it',
  'https://www.tencentcloud.com/document/product/1211/62114':
    'SEND_AUDIO of 1211/62114 (2024) starts at Seq 0; 1240/100398 (2026) starts at Seq 1, as both tables require',
};

/** Examples that do not follow their own page's table. */
const OMITS_REQUIRED: Record<string, string> = {
  'https://www.tencentcloud.com/document/product/1211/62130':
    "the getanchor example of 1211/62130 writes pageIndex, lower case, where its table (and 1240/99704's example) has PageIndex",
  'https://www.tencentcloud.com/zh/document/product/1211/62107':
    'the listsessionofprojectid example sends no VirtualmanProjectId, which its table marks required (1211/62107): the call means nothing without it',
};

/** Examples whose value is a description of the value, not a value. */
const PLACEHOLDER: Record<string, string> = {
  'https://cloud.tencent.com/document/product/1240/100398':
    'Data.Audio is the text 声音二进制数据编码Base64后的值 ("the Base64 of the audio"), not Base64',
};

const operationOf = (name: string) =>
  operations[name as OperationName] as Operation<object, object>;

describe('the documented examples', () => {
  it('are all here, each with its page', () => {
    expect(examples.length).toBeGreaterThanOrEqual(60);
    for (const e of examples)
      expect(e.page).toMatch(/^https:\/\/(cloud\.tencent\.com|www\.tencentcloud\.com)\//);
  });

  it.each(named('request'))('request %s passes server-side validation', (_name, e) => {
    const refusal = refuseRequest(operationOf(e.target), e.example.Payload);
    const exception = SUPERSEDED[e.page] ?? OMITS_REQUIRED[e.page];
    if (exception) expect(refusal, exception).toBeDefined();
    else expect(refusal).toBeUndefined();
  });

  it.each(named('response'))('response %s decodes with every value kept', (_name, e) => {
    const { Header, Payload } = decodeResponse(e.example);
    expect(Header).toEqual(e.example.Header);
    const decoded = decodeOperationResponse(operationOf(e.target), Payload);
    expect(decoded).toEqual(e.example.Payload ?? {});
  });

  it.each(named('failure-response'))('failure %s throws the documented code', (_name, e) => {
    const code = (e.example.Header as { Code: number }).Code;
    expect(() => decodeResponse(e.example)).toThrow(TvsApiError);
    try {
      decodeResponse(e.example);
    } catch (error) {
      expect(error).toMatchObject({ code, documented: true });
    }
  });

  it.each(named('callback-body'))('callback %s decodes with every value kept', (_name, e) => {
    expect(decodeTaskCallback(e.example)).toEqual(e.example.Payload);
    expect(decodeTaskCallback(JSON.stringify(e.example))).toEqual(e.example.Payload);
  });

  it.each(named('uplink'))('uplink frame %s decodes with every value kept', (_name, e) => {
    const exception = SUPERSEDED[e.page] ?? PLACEHOLDER[e.page];
    if (exception) {
      expect(() => decodeUplinkFrame(e.example), exception).toThrow();
      return;
    }
    expect(decodeUplinkFrame(e.example)).toEqual(e.example.Payload);
  });
});
