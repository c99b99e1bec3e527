/**
 * What the pages read of a delivery's body (the JSON text exactly as signed and sent): its
 * request's title to name it by, and the text laid out to read. The body is outside data: it is
 * checked, never cast, and a body that is not the expected JSON is shown as it is.
 */

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const parsed = (payload: string): unknown => {
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
};

/** The request's title as the event carried it (`data.request.title`), if it did. */
export const requestTitleOf = (payload: string): string | undefined => {
  const body = parsed(payload);
  const data = isRecord(body) ? body.data : undefined;
  const request = isRecord(data) ? data.request : undefined;
  return isRecord(request) && typeof request.title === 'string' && request.title.length > 0 ? request.title : undefined;
};

/** The body indented to read; as it is when it is not JSON. */
export const readablePayload = (payload: string): string => {
  const body = parsed(payload);
  return body === undefined ? payload : JSON.stringify(body, null, 2);
};
