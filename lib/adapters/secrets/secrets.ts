import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import type { SecretName } from '../../config/access.js';
import { EnvName, readEnv } from '../../config/env.js';

/** How long a container keeps a secret's value: a rotated secret is used within this. */
const cacheMs = 5 * 60_000;

let client: SecretsManagerClient | undefined;
const cache = new Map<SecretName, { value: string; until: number }>();

/**
 * A secret's value: from Secrets Manager (`<SECRETS_PREFIX><name>`), cached per container; the
 * local stack, which has no Secrets Manager, hands its generated secrets over in LOCAL_SECRETS.
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
  client ??= new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: `${readEnv(EnvName.secretsPrefix, z.string().min(1))}${name}` }));
  if (!SecretString) throw new Error(`Secret ${name} has no string value`);
  cache.set(name, { value: SecretString, until: Date.now() + cacheMs });
  return SecretString;
};
