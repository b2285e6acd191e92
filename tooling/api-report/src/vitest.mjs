// The API report as vitest tests, one per entry point of the package.
import { expect, it } from 'vitest';
import { apiReports } from './index.mjs';

/** Registers one test per entry point: the built surface equals the committed report. */
export function apiReportTests(dirOrUrl) {
  for (const report of apiReports(dirOrUrl)) {
    const where = report.path.split('/').slice(-2).join('/');
    it(`the public API of ${report.subpath} matches ${where} (pnpm api-report rewrites it after an intended change)`, () => {
      expect(report.expected, `${where} is missing: run pnpm api-report`).toBeDefined();
      expect(report.actual).toBe(report.expected);
    });
  }
}
