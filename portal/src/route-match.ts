// Matching a path to a page's pattern: no browser globals, so tests run it in Node.

/** The parameters of `pattern` (`/requests/:id`) in `path`, or undefined when it does not match. */
export const match = (pattern: string, path: string): Record<string, string> | undefined => {
  const names: string[] = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), '([^/]+)'))}/?$`);
  const found = regex.exec(path);
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
};
