import * as z from 'zod';
import { Platform } from '../domain/platform.js';
import { EnvName, readEnv } from './env.js';

const AppClientIds = z.record(Platform, z.string().min(1));

/** Which platform an app client id belongs to, from APP_CLIENT_IDS (platform → client id). */
export const platformOfClient = (clientId: string | undefined): Platform | undefined => {
  if (!clientId) return undefined;
  const ids = readEnv(EnvName.appClientIds, z.string().transform((text) => AppClientIds.parse(JSON.parse(text))));
  return Platform.options.find((platform) => ids[platform] === clientId);
};
