// s3rver ships no types; this declares the part of its API the local stack uses.
declare module 's3rver' {
  import type { Server } from 'node:http';
  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    configureBuckets?: { name: string; configs: (string | Buffer)[] }[];
  }
  /** One S3 event notification (`Records`), as S3 sends them to a bucket's notification targets. */
  interface S3EventNotification {
    Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string } } }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    /** Koa's EventEmitter: `'event'` for each object created (`ObjectCreated:Put`, `:Post`, `:Copy`) or deleted. */
    on(event: 'event', listener: (notification: S3EventNotification) => void): this;
    off(event: 'event', listener: (notification: S3EventNotification) => void): this;
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    httpServer?: Server;
  }
}
