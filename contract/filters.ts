/**
 * Meilisearch filter literals. Field names come only from the catalog; values
 * always pass through here, so no user text can change a filter's structure.
 */

/** A double-quoted, escaped string literal: `say "hi"` -> `"say \"hi\""`. */
export function filterString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A list of escaped string literals: `["a", "b"]`. */
export function filterList(values: readonly string[]): string {
  return `[${values.map(filterString).join(', ')}]`;
}
