/**
 * Fills `{column}` placeholders in `template` from `row`. `{{` and `}}` stand for literal braces.
 * Returns the text, or the names of the placeholders the row has no column for.
 *
 * @example
 * ```ts
 * fillTemplate('Hi {name}!', { name: 'Ann' }); // { text: 'Hi Ann!', missing: [] }
 * ```
 */
export function fillTemplate(
  template: string,
  row: Readonly<Record<string, string>>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (match, name: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const key = name!.trim();
    if (!Object.hasOwn(row, key)) {
      missing.push(key);
      return match;
    }
    return row[key]!;
  });
  return { text, missing };
}
