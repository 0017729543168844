import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serviceNameOf } from '../../functions/shared/logger.ts';

/** One log line written by the handlers' logger in a fresh process with this environment. */
const logLine = (env: Record<string, string>): unknown => {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      "const { logger } = await import('./functions/shared/http-errors.ts'); logger.info('hello');",
    ],
    { env: { PATH: process.env.PATH ?? '', POWERTOOLS_LOG_LEVEL: 'INFO', ...env } },
  );
  return JSON.parse(out.toString().trim().split('\n').at(-1) ?? '');
};

describe('the functions logger', () => {
  it('names the function it runs in (POWERTOOLS_SERVICE_NAME, set per function), not a fixed service', () => {
    expect(logLine({ POWERTOOLS_SERVICE_NAME: 'track' })).toMatchObject({
      service: 'track',
      message: 'hello',
    });
  });

  it('falls back to the Lambda function name, then to ecrm', () => {
    expect(serviceNameOf({ POWERTOOLS_SERVICE_NAME: 'track', AWS_LAMBDA_FUNCTION_NAME: 'x' })).toBe('track');
    expect(serviceNameOf({ AWS_LAMBDA_FUNCTION_NAME: 'ecrm-prod-track' })).toBe('ecrm-prod-track');
    expect(serviceNameOf({ POWERTOOLS_SERVICE_NAME: '' })).toBe('ecrm');
  });
});
