/** One entry point of a package, as `exports` declares it. */
export interface EntryPoint {
  name: string;
  subpath: string;
  /** The ESM declaration file, relative to the package. */
  file: string;
}
export interface ApiReport {
  subpath: string;
  /** `api/<entry>.api.md` of the package. */
  path: string;
  /** The report of the built declarations. */
  actual: string;
  /** The committed report, when there is one. */
  expected: string | undefined;
}
export function entryPoints(dir: string): EntryPoint[];
export function reportPath(dir: string, subpath: string): string;
export function apiReports(dirOrUrl: string | URL): ApiReport[];
export function updateApiReports(dirOrUrl: string | URL): string[];
