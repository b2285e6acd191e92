import type { JsonObject } from '@tvs/envelope';
import { DEFAULTS } from './internal/defaults.js';
import { numberOption, objectOption } from './internal/validate.js';
import type { ClientOperationName, OperationCall } from './operation-call.js';
import type { RequestOptions } from './request-options.js';

/** Options of the paging iterators: each page's call options, plus the paging. */
export interface PageOptions extends RequestOptions {
  /** Items per request, 1–100 (default 100). */
  pageSize?: number | undefined;
  /** The first page to fetch, from 1 (default 1). */
  startPage?: number | undefined;
}

/** Paging filters: any request field of the list call except the page fields. */
export type PageFilters = Readonly<Record<string, unknown>>;

/**
 * Yields every item of a paged list, fetching `PageIndex` 1, 2, … until a page comes back short
 * or `Total` items have been seen. @internal
 */
export async function* paginate<T>(
  fetchPage: (page: {
    PageIndex: number;
    PageSize: number;
  }) => Promise<{ items: T[]; total?: number | undefined }>,
  pageSize: number,
  startPage: number,
): AsyncGenerator<T, void, undefined> {
  let pageIndex = startPage;
  let seen = (pageIndex - 1) * pageSize;
  for (;;) {
    const { items, total } = await fetchPage({ PageIndex: pageIndex, PageSize: pageSize });
    yield* items;
    seen += items.length;
    if (items.length < pageSize || (total !== undefined && seen >= total)) return;
    pageIndex++;
  }
}

/**
 * An iterator over every item of a list call, `listField` being the array of each page. @internal
 */
export function pager<N extends ClientOperationName>(
  call: OperationCall<N>,
  listField: string,
  where: string,
): (filters?: PageFilters, options?: PageOptions) => AsyncGenerator<JsonObject, void, undefined> {
  return (filters = {}, options = {}) => {
    const { pageSize, startPage, ...callOptions } = objectOption(options, where);
    const size = numberOption(pageSize, DEFAULTS.pageSize, where, 'pageSize', {
      positive: true,
      integer: true,
      max: DEFAULTS.pageSize,
    });
    const start = numberOption(startPage, 1, where, 'startPage', { positive: true, integer: true });
    return paginate(
      async (page) => {
        const result = (await call({ ...filters, ...page } as never, callOptions)) as JsonObject;
        const items = result[listField];
        const total = result['Total'];
        return {
          items: Array.isArray(items) ? (items as JsonObject[]) : [],
          total: typeof total === 'number' ? total : undefined,
        };
      },
      size,
      start,
    );
  };
}
