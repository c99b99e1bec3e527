/**
 * An UpdateItem's `SET`/`REMOVE` of whole attributes, with placeholders for every name and value
 * (so reserved words such as `state` or `error` need no care). A caller adds its own condition's
 * placeholders beside these; they never collide (`#s…`, `:s…`, `#r…`).
 */
export const updateExpression = (set: Readonly<Record<string, unknown>>, remove: readonly string[] = []) => {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const assignments = Object.entries(set).map(([name, value], i) => {
    names[`#s${i}`] = name;
    values[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const removals = remove.map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  return {
    UpdateExpression: [assignments.length ? `SET ${assignments.join(', ')}` : '', removals.length ? `REMOVE ${removals.join(', ')}` : ''].filter(Boolean).join(' '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};
