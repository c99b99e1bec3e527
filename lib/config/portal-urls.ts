import * as z from 'zod';
import { Platform } from '../domain/platform.js';
import { EnvName, jsonText, readEnv } from './env.js';

const PortalUrls = jsonText(z.record(Platform, z.url({ protocol: /^https?$/ })));

/** The configured portal URL of a platform (PORTAL_URLS): every link in mail starts here, never at anything a request carried. */
export const portalUrlOf = (platform: Platform): string => readEnv(EnvName.portalUrls, PortalUrls)[platform].replace(/\/+$/, '');

/**
 * The portal's page where a person confirms muting a request, for the signed mute link `token`:
 * the mail's own mute link, and where a browser that opened the one-click URL is sent.
 */
export const portalMutePage = (portal: string, token: string): string => `${portal.replace(/\/+$/, '')}/mute?link=${token}`;
