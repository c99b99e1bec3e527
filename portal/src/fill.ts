/** `{name}` placeholders filled from `values` (pure: the unit tests and pure modules use it without Preact). */
export const fill = (text: string, values: Record<string, string | number> = {}) => text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
