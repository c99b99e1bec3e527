import http from 'node:http';

/**
 * Reads a request's body up to `limit` bytes; a larger one is drained without being kept and
 * answered `undefined`, so the client gets its 413 instead of a reset connection.
 */
export const readLimited = (request: http.IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    request.on('error', reject);
  });

/** Listens on host and port; `stop` closes the server and whatever connections it still has. */
export const listen = async (server: http.Server, host: string, port: number) => {
  // Node's default (5 s) closes an idle keep-alive connection just as a client may be reusing it,
  // which the client sees as a reset (the bench did, between its phases); API Gateway keeps them longer.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    url: `http://${host}:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => server.closeAllConnections()),
  };
};
