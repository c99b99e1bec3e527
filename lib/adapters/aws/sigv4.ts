import * as z from 'zod';
import { EnvName, readEnv } from '../../config/env.js';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The function's own credentials, which the Lambda runtime (and the local stack) put in its environment. */
// Built once: they are read on every AWS call (the environment itself is read each time).
const Present = z.string().min(1);
const MaybePresent = Present.optional();

export const credentialsFromEnvironment = (): Credentials => ({
  accessKeyId: readEnv(EnvName.awsAccessKeyId, Present),
  secretAccessKey: readEnv(EnvName.awsSecretAccessKey, Present),
  sessionToken: readEnv(EnvName.awsSessionToken, MaybePresent),
});

export const regionFromEnvironment = (): string => readEnv(EnvName.awsRegion, Present);
