/**
 * Refuses option names nobody knows, suggesting the nearest known one: `baseURL` (the openai and
 * axios spelling) must not be silently ignored while the calls go to the production gateway.
 * @internal
 */
export function checkKnownKeys(options: object, known: readonly string[], where: string): void {
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const nearest = nearestName(key, known);
    throw new TypeError(
      `${where}: unknown option "${clip(key)}"${nearest ? `; did you mean "${nearest}"?` : ''} (known: ${known.join(', ')})`,
    );
  }
}

/** The known name closest to `name`: the same but for case, or at most a third of it edited. */
function nearestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A key as quoted in a message: at most 40 characters. */
function clip(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}
