import * as z from 'zod';
import { Platform } from '../domain/platform.js';
import { EnvName, jsonText, readEnv } from './env.js';

const AppClientIds = jsonText(z.record(Platform, z.string().min(1)));

let appClientIds: Record<Platform, string> | undefined;

/** Which platform an app client id belongs to, from APP_CLIENT_IDS (platform → client id), read once. */
export const platformOfClient = (clientId: string | undefined): Platform | undefined => {
  if (!clientId) return undefined;
  appClientIds ??= readEnv(EnvName.appClientIds, AppClientIds);
  return Platform.options.find((platform) => appClientIds?.[platform] === clientId);
};
