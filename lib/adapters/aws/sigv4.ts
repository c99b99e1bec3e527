import { createHash, createHmac } from 'node:crypto';
import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/** node:crypto in the shape the SDK's SigV4 signer takes (a hash, or an HMAC when given a secret). */
export class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** The function's own credentials, which the Lambda runtime (and the local stack) put in its environment. */
export const credentialsFromEnvironment = (): Credentials => ({
  accessKeyId: readEnv(EnvName.awsAccessKeyId, z.string().min(1)),
  secretAccessKey: readEnv(EnvName.awsSecretAccessKey, z.string().min(1)),
  sessionToken: readEnv(EnvName.awsSessionToken, z.string().min(1).optional()),
});

export const regionFromEnvironment = (): string => readEnv(EnvName.awsRegion, z.string().min(1));
