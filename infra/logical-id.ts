/** `get-me` → `GetMe`: a stable logical id per function of either table. */
export const logicalIdOf = (functionName: string): string =>
  functionName
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
