import * as z from 'zod';
import { Platform } from '../domain/platform.js';
import { EnvName, readEnv } from './env.js';

const PortalUrls = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'is not JSON' });
      return z.NEVER;
    }
  })
  .pipe(z.record(Platform, z.url({ protocol: /^https?$/ })));

/** The configured portal URL of a platform (PORTAL_URLS): every link in mail starts here, never at anything a request carried. */
export const portalUrlOf = (platform: Platform): string => readEnv(EnvName.portalUrls, PortalUrls)[platform].replace(/\/+$/, '');
