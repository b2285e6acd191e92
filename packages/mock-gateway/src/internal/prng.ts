/**
 * A small seeded PRNG (mulberry32): the same `seed` gives the same fault sequence, so a flaky
 * network can be replayed exactly. Not for cryptography.
 * @internal
 */
export function createRandom(seed: number | undefined): () => number {
  if (seed === undefined) return Math.random;
  if (!Number.isInteger(seed)) throw new TypeError('createMockGateway: seed must be an integer');
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 32 lowercase hex digits from `random` (the shape of the gateway's ids). @internal */
export function hexId(random: () => number): string {
  let id = '';
  for (let i = 0; i < 4; i++) {
    id += Math.floor(random() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  }
  return id;
}
