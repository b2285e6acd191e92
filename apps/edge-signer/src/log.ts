/** One log record: fixed event names and caller-visible facts only, never a secret or a signed URL. */
export interface LogRecord {
  readonly event: string;
  readonly [field: string]: string | number | boolean | undefined;
}

/** Writes one JSON line to the Worker's log (`wrangler tail`, the dashboard). */
export function log(record: LogRecord): void {
  console.log(JSON.stringify(record));
}
