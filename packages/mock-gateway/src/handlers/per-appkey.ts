/** The entries one appkey owns in a store keyed by appkey, made empty on first use. @internal */
export function ownedBy<T>(store: Map<string, Map<string, T>>, appkey: string): Map<string, T> {
  let owned = store.get(appkey);
  if (!owned) {
    owned = new Map();
    store.set(appkey, owned);
  }
  return owned;
}
