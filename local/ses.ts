import sesLocal from 'aws-ses-v2-local';

/** The SES v2 API; its page at `/` shows every mail sent, `GET /store` returns them as JSON. */
export const startSes = async (host: string, port: number) => {
  // A CommonJS module with `exports.default`: Node hands ESM importers its whole `exports`.
  const server = await sesLocal.default({ host, port });
  return {
    endpoint: `http://${host}:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
