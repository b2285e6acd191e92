/** Registers one vitest test per entry point of the package: its built surface equals api/<entry>.api.md. */
export function apiReportTests(dirOrUrl: string | URL): void;
