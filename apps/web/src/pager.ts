import { h } from './dom.js';

/** One page of a list as the API returns it. */
export interface Page<T> {
  readonly items: readonly T[];
  /** All items over all pages, when the API says. */
  readonly total: number | undefined;
}

export interface PagerOptions<T> {
  /** Names the list for screen readers: "Avatars", "Voices". */
  readonly label: string;
  readonly pageSize: number;
  /** Loads page `index` (from 1), as the API pages. */
  load(index: number, pageSize: number, signal: AbortSignal): Promise<Page<T>>;
  /** Draws a loaded page into `list`. */
  render(page: Page<T>, list: HTMLElement): void;
  /** Called with an error of `load`. */
  onError(error: unknown): void;
}

/**
 * A list paged as the API pages it: Previous/Next buttons, "Page 2 of 6", and a polite live
 * region that says when a page is loading and what it holds. A newer request cancels an
 * older one still on its way.
 */
export class Pager<T> {
  readonly element: HTMLElement;
  readonly #options: PagerOptions<T>;
  readonly #list: HTMLElement;
  readonly #status: HTMLElement;
  readonly #previous: HTMLButtonElement;
  readonly #next: HTMLButtonElement;
  #index = 1;
  #pages: number | undefined;
  #loading: AbortController | undefined;
  #page: Page<T> | undefined;

  constructor(options: PagerOptions<T>) {
    this.#options = options;
    this.#list = h('div', { class: 'cards' });
    this.#status = h('span', { class: 'page-status', role: 'status', 'aria-live': 'polite' });
    this.#previous = h(
      'button',
      { type: 'button', 'aria-label': `Previous page of ${options.label.toLowerCase()}` },
      'Previous',
    );
    this.#next = h(
      'button',
      { type: 'button', 'aria-label': `Next page of ${options.label.toLowerCase()}` },
      'Next',
    );
    this.#previous.addEventListener('click', () => void this.show(this.#index - 1));
    this.#next.addEventListener('click', () => void this.show(this.#index + 1));
    this.element = h(
      'div',
      { class: 'pager' },
      this.#list,
      h('div', { class: 'pager-controls' }, this.#previous, this.#status, this.#next),
    );
  }

  /** The page on screen. */
  get page(): Page<T> | undefined {
    return this.#page;
  }

  /** Draws the page on screen again (after what it depends on changed). */
  redraw(): void {
    if (this.#page) this.#options.render(this.#page, this.#list);
  }

  /** Loads and shows page `index`. */
  async show(index: number): Promise<void> {
    this.#loading?.abort();
    const loading = new AbortController();
    this.#loading = loading;
    this.#previous.disabled = true;
    this.#next.disabled = true;
    this.#status.textContent = `Loading page ${index}…`;
    this.element.setAttribute('aria-busy', 'true');
    try {
      const page = await this.#options.load(index, this.#options.pageSize, loading.signal);
      if (loading.signal.aborted) return;
      this.#index = index;
      this.#page = page;
      this.#pages =
        page.total === undefined
          ? undefined
          : Math.max(1, Math.ceil(page.total / this.#options.pageSize));
      this.#options.render(page, this.#list);
      this.#status.textContent =
        this.#pages === undefined ? `Page ${index}` : `Page ${index} of ${this.#pages}`;
    } catch (error) {
      if (loading.signal.aborted) return;
      this.#status.textContent = `Page ${index} could not be loaded.`;
      this.#options.onError(error);
    } finally {
      if (this.#loading === loading) {
        this.element.removeAttribute('aria-busy');
        this.#previous.disabled = this.#index <= 1;
        // Without a total, a short page is the last one.
        this.#next.disabled =
          this.#pages === undefined
            ? (this.#page?.items.length ?? 0) < this.#options.pageSize
            : this.#index >= this.#pages;
      }
    }
  }
}
