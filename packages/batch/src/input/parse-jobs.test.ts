import { describe, expect, it } from 'vitest';
import { BatchInputError } from '../errors.js';
import { parseJobs } from './parse-jobs.js';
import { fillTemplate } from './template.js';

describe('parseJobs', () => {
  it('builds videomake payloads from CSV lines, with templating from the line', () => {
    const { jobs } = parseJobs(
      'jobs.csv',
      'id,text,avatar,voice,name\nj1,Hi {name}!,av1,female_1,Ann\nj2,Plain,av2,,Bob\n',
    );
    expect(jobs).toEqual([
      {
        id: 'j1',
        line: 2,
        operation: 'video.make',
        payload: {
          VirtualmanKey: 'av1',
          InputSsml: 'Hi Ann!',
          SpeechParam: { Speed: 1, TimbreKey: 'female_1' },
        },
      },
      {
        id: 'j2',
        line: 3,
        operation: 'video.make',
        payload: { VirtualmanKey: 'av2', InputSsml: 'Plain', SpeechParam: { Speed: 1 } },
      },
    ]);
  });

  it('takes defaults and a template for lines that leave fields empty', () => {
    const { jobs } = parseJobs('x.csv', 'id,name\na,Zoe\n', {
      avatar: 'av',
      template: 'Dear {name}',
      format: 'Mp4',
      speed: 1.2,
    });
    expect(jobs[0]!.payload).toEqual({
      VirtualmanKey: 'av',
      InputSsml: 'Dear Zoe',
      SpeechParam: { Speed: 1.2 },
      VideoParam: { Format: 'Mp4' },
    });
  });

  it('reads JSONL: text lines and raw payloads for make, makeAdvanced and tts', () => {
    const text = [
      '{"id":"a","text":"Hello","avatar":"av"}',
      '',
      '{"id":"b","operation":"video.tts","payload":{"TimbreKey":"female_1","InputSsml":"Hi","Speed":1}}',
      '{"id":"c","operation":"video.makeAdvanced","payload":{"VirtualmanKey":"av","InputSsml":"x","VideoParam":{"Format":"Mp4"}}}',
    ].join('\n');
    const { jobs } = parseJobs('jobs.jsonl', text);
    expect(jobs.map((j) => [j.id, j.line, j.operation])).toEqual([
      ['a', 1, 'video.make'],
      ['b', 3, 'video.tts'],
      ['c', 4, 'video.makeAdvanced'],
    ]);
    expect(jobs[1]!.payload).toEqual({ TimbreKey: 'female_1', InputSsml: 'Hi', Speed: 1 });
  });

  it('lists every bad line with its number and throws before anything else happens', () => {
    const text = [
      'id,text,avatar,speed',
      'ok,Hello,av,1',
      ',No id,av,1',
      'bad/id,Hello,av,1',
      'ok,Duplicate,av,1',
      'x,,av,1',
      'y,Hello,,1',
      'z,Hello,av,3',
      'w,Hi {nobody},av,1',
      'short,line',
    ].join('\n');
    let error: unknown;
    try {
      parseJobs('jobs.csv', text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BatchInputError);
    const problems = (error as BatchInputError).problems;
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(problems[0]!.message).toBe('id is missing');
    expect(problems[2]!.message).toBe('id ok is already used on line 2');
    expect(problems[3]!.message).toMatch(/text is empty/);
    expect(problems[4]!.message).toMatch(/avatar is empty/);
    expect(problems[5]!.message).toMatch(/speed must be between 0.5 and 1.5/);
    expect(problems[6]!.message).toMatch(/\{nobody\}/);
    expect(problems[7]!.message).toBe('2 fields where the header has 4');
    expect((error as Error).message).toMatch(
      /^jobs.csv: 8 invalid lines; nothing was sent\n {2}line 3: id is missing/,
    );
  });

  it('skips bad lines with skipInvalid, and still refuses a file without an id column', () => {
    const { jobs, skipped } = parseJobs('j.csv', 'id,text,avatar\na,Hi,av\nb,,av\n', {
      skipInvalid: true,
    });
    expect(jobs.map((j) => j.id)).toEqual(['a']);
    expect(skipped).toEqual([{ line: 3, message: 'text is empty (and no --template is given)' }]);
    expect(() => parseJobs('j.csv', 'name,text\na,b\n', { skipInvalid: true })).toThrow(
      /no id column/,
    );
  });

  it('reports JSON syntax errors, non-objects and raw payloads without their required field', () => {
    const text =
      '{"id":"a",\n[1]\n{"id":"b","operation":"video.make","payload":{"InputSsml":"x"}}\n{"id":"c","operation":"video.ppt","payload":{}}\n';
    expect(() => parseJobs('j.jsonl', text)).toThrow(
      /line 1: not JSON.*\n {2}line 2: a line must be a JSON object\n {2}line 3: payload.VirtualmanKey \(a string\) is required by video.make\n {2}line 4: operation must be one of/s,
    );
  });
});

describe('fillTemplate', () => {
  it('fills placeholders, keeps escaped braces and names the missing ones', () => {
    expect(fillTemplate('{{a}} {a} { b }', { a: '1', b: '2' })).toEqual({
      text: '{a} 1 2',
      missing: [],
    });
    expect(fillTemplate('{x}{y}', {}).missing).toEqual(['x', 'y']);
  });
});
