import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The function's own credentials, which the Lambda runtime (and the local stack) put in its environment. */
export const credentialsFromEnvironment = (): Credentials => ({
  accessKeyId: readEnv(EnvName.awsAccessKeyId, z.string().min(1)),
  secretAccessKey: readEnv(EnvName.awsSecretAccessKey, z.string().min(1)),
  sessionToken: readEnv(EnvName.awsSessionToken, z.string().min(1).optional()),
});

export const regionFromEnvironment = (): string => readEnv(EnvName.awsRegion, z.string().min(1));
