/**
 * A text property of a request body: trimmed, or left out when empty (the body is checked with the server's
 * schema before sending, and a property that is there with no value breaks it).
 */
export function optionalText<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const text = value.trim();
  return text ? ({ [key]: text } as Record<K, string>) : {};
}
