/** A binary min-heap of items ordered by a numeric key. */
export class MinHeap<T> {
  readonly #items: Array<{ key: number; value: T }> = [];

  get size(): number {
    return this.#items.length;
  }

  peek(): { key: number; value: T } | undefined {
    return this.#items[0];
  }

  push(key: number, value: T): void {
    const items = this.#items;
    items.push({ key, value });
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (items[parent]!.key <= items[at]!.key) break;
      [items[parent], items[at]] = [items[at]!, items[parent]!];
      at = parent;
    }
  }

  pop(): { key: number; value: T } | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        const right = left + 1;
        let smallest = at;
        if (left < items.length && items[left]!.key < items[smallest]!.key) smallest = left;
        if (right < items.length && items[right]!.key < items[smallest]!.key) smallest = right;
        if (smallest === at) break;
        [items[smallest], items[at]] = [items[at]!, items[smallest]!];
        at = smallest;
      }
    }
    return top;
  }
}
