/** Bundles src/worker.ts; with `outfile` writes it and resolves to undefined, else to the text. */
export function bundleWorker(options?: {
  minify?: boolean;
  outfile?: string;
}): Promise<string | undefined>;
/** Bytes of the code and of it gzipped at level 9. */
export function sizeOf(code: string | Uint8Array): { minified: number; gzipped: number };
