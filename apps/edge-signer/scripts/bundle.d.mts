/** The bundled Worker: its code (unless written to `outfile`) and what went into it. */
export interface Bundle {
  readonly code: string | undefined;
  /** Source files, relative to the repository root. */
  readonly inputs: readonly string[];
  /** Imports left in the output (none: the Worker is one self-contained module). */
  readonly imports: readonly { path: string; kind: string; external?: boolean }[];
}
/** Bundles src/worker.ts, minified unless `minify: false`; `outfile` writes it. */
export function bundleWorker(options?: { minify?: boolean; outfile?: string }): Promise<Bundle>;
/** Bytes of the code and of it gzipped at level 9. */
export function sizeOf(code: string | Uint8Array): { minified: number; gzipped: number };
