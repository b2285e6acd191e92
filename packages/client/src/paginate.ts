import type { RequestOptions } from './transport.js';

/** Options of the paging iterators. */
export interface PageOptions extends RequestOptions {
  /** Items per request, 1–100 (default 100). */
  pageSize?: number | undefined;
  /** The first page to fetch, from 1 (default 1). */
  startPage?: number | undefined;
}

/**
 * Yields every item of a paged list, fetching `PageIndex` 1, 2, … until a page comes back short
 * or `Total` items have been seen. @internal
 */
export async function* paginate<T>(
  fetchPage: (page: {
    PageIndex: number;
    PageSize: number;
  }) => Promise<{ items: T[]; total?: number | undefined }>,
  options: PageOptions = {},
): AsyncGenerator<T, void, undefined> {
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new TypeError('pageSize must be a whole number from 1 to 100');
  }
  let pageIndex = options.startPage ?? 1;
  let seen = (pageIndex - 1) * pageSize;
  for (;;) {
    const { items, total } = await fetchPage({ PageIndex: pageIndex, PageSize: pageSize });
    yield* items;
    seen += items.length;
    if (items.length < pageSize || (total !== undefined && seen >= total)) return;
    pageIndex++;
  }
}
