import { describeFailCode, FAIL_CODES } from '@tvs/envelope';
import { describe, expect, it } from 'vitest';
import { TvsTaskFailedError } from './tvs-task-failed-error.js';

describe('TvsTaskFailedError', () => {
  it('explains a FailCode from the FailCode table (1240/81277)', () => {
    const error = new TvsTaskFailedError('t1', { Status: 'FAIL', FailCode: 801008 }, 'r1');
    expect(error.message).toBe(
      `task t1 failed with FailCode 801008. ${describeFailCode(801008).explanation}`,
    );
    expect(error.retryable).toBe(describeFailCode(801008).mayLaterSucceed);
  });

  it('does not call a failure with FailCode 0 a success: table 二 lists 0 as 成功', () => {
    const progress = { Status: 'FAIL', FailCode: FAIL_CODES.OK, FailMessage: 'render aborted' };
    const error = new TvsTaskFailedError('t2', progress, 'r2');
    expect(error.failCode).toBe(0);
    expect(error.message).toBe(
      'task t2 failed with FailCode 0: render aborted. The gateway gave FailCode 0, which its table calls success: the failure is unexplained.',
    );
    expect(error.category).toBe('unknown');
    expect(error.retryable).toBe(false);
  });

  it('says when there is no FailCode at all', () => {
    const error = new TvsTaskFailedError('t3', { Status: 'FAIL' }, 'r3');
    expect(error.message).toBe('task t3 failed. The gateway gave no FailCode.');
    expect(error.code).toBe('TASK_FAILED');
  });
});
