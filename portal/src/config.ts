import type { Platform } from '../../lib/domain/platform.js';

/**
 * What the portal is told where it runs (`/config.json`, written by `npm start` locally and at
 * deploy time in AWS): the API, the Cognito pool, and per brand its app client and the hosts it
 * is served at. Read once at start; checked here because it comes from outside the bundle.
 */
export interface PortalConfig {
  apiUrl: string;
  cognito: { endpoint: string; userPoolId: string };
  brands: Record<Platform, { clientId: string; hosts: string[] }>;
  /** The brand of a host no brand names (e.g. CloudFront's own domain). */
  defaultBrand: Platform;
}

const platforms: readonly Platform[] = ['azami', 'digimadi'];
const isString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const parseConfig = (value: unknown): PortalConfig => {
  const problem = (what: string) => new Error(`config.json: ${what}`);
  if (!isRecord(value) || !isString(value.apiUrl)) throw problem('apiUrl missing');
  const { cognito, brands, defaultBrand } = value;
  if (!isRecord(cognito) || !isString(cognito.endpoint) || !isString(cognito.userPoolId)) throw problem('cognito missing');
  if (!isRecord(brands)) throw problem('brands missing');
  const parsed = Object.fromEntries(
    platforms.map((platform) => {
      const brand = brands[platform];
      if (!isRecord(brand) || !isString(brand.clientId) || !Array.isArray(brand.hosts) || !brand.hosts.every(isString)) throw problem(`brand ${platform} missing`);
      return [platform, { clientId: brand.clientId, hosts: brand.hosts }];
    }),
  ) as PortalConfig['brands'];
  if (!platforms.includes(defaultBrand as Platform)) throw problem('defaultBrand is no platform');
  return { apiUrl: value.apiUrl.replace(/\/+$/, ''), cognito: { endpoint: cognito.endpoint, userPoolId: cognito.userPoolId }, brands: parsed, defaultBrand: defaultBrand as Platform };
};

/**
 * The brand of this page: the one whose hosts include the page's host, or whose name starts it
 * (`azami.localhost`); else `?brand=` (remembered for the tab), else the default. One portal
 * build serves both platforms, as one API does.
 */
export const brandFor = (config: PortalConfig, location: { hostname: string; search: string }, remembered: Storage): Platform => {
  const host = location.hostname.toLowerCase();
  const byHost = platforms.find((platform) => config.brands[platform].hosts.includes(host) || host.startsWith(`${platform}.`));
  if (byHost) return byHost;
  const asked = new URLSearchParams(location.search).get('brand');
  if (asked && platforms.includes(asked as Platform)) {
    remembered.setItem('orderdesk.brand', asked);
    return asked as Platform;
  }
  const kept = remembered.getItem('orderdesk.brand');
  return kept && platforms.includes(kept as Platform) ? (kept as Platform) : config.defaultBrand;
};

export const loadConfig = async (): Promise<PortalConfig> => {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  return parseConfig(await response.json());
};
