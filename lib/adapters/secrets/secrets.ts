import * as z from 'zod';
import type { SecretName } from '../../config/access.js';
import { EnvName, readEnv } from '../../config/env.js';
import { credentialsFromEnvironment, regionFromEnvironment } from '../aws/sigv4.js';
import { signedJsonCall } from '../aws/signed-json.js';

/** How long a container keeps a secret's value: a rotated secret is used within this. */
const cacheMs = 5 * 60_000;

const cache = new Map<SecretName, { value: string; until: number }>();

/**
 * A secret's value: from Secrets Manager (`<SECRETS_PREFIX><name>`, one signed GetSecretValue),
 * cached per container; the local stack, which has no Secrets Manager, hands its generated
 * secrets over in LOCAL_SECRETS.
 */
export const secretValue = async (name: SecretName): Promise<string> => {
  const local = process.env[EnvName.localSecrets];
  if (local) {
    const value = z.record(z.string(), z.string()).parse(JSON.parse(local))[name];
    if (!value) throw new Error(`The local stack has no secret ${name}`);
    return value;
  }
  const cached = cache.get(name);
  if (cached && cached.until > Date.now()) return cached.value;
  const region = regionFromEnvironment();
  const answer = await signedJsonCall({
    service: 'secretsmanager',
    region,
    endpoint: `https://secretsmanager.${region}.amazonaws.com`,
    method: 'POST',
    path: '/',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.GetSecretValue' },
    credentials: credentialsFromEnvironment(),
    body: { SecretId: `${readEnv(EnvName.secretsPrefix, z.string().min(1))}${name}` },
  });
  const { SecretString } = z.object({ SecretString: z.string().min(1) }).parse(answer, { error: () => `Secret ${name} has no string value` });
  cache.set(name, { value: SecretString, until: Date.now() + cacheMs });
  return SecretString;
};
