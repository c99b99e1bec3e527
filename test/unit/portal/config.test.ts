import { describe, expect, it } from 'vitest';
import { brandFor, parseConfig } from '../../../portal/src/config.js';

const config = parseConfig({
  apiUrl: 'https://api.example/',
  cognito: { endpoint: 'https://cognito-idp.eu-central-1.amazonaws.com/', userPoolId: 'eu-central-1_x' },
  brands: { azami: { clientId: 'a', hosts: ['helpdesk.azami.cz'] }, digimadi: { clientId: 'd', hosts: ['helpdesk.digimadi.cz'] } },
  defaultBrand: 'azami',
});
const storage = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) } as Storage;
};

describe("the portal's brand", () => {
  it('is the brand whose hosts include the page host, or whose name starts it', () => {
    expect(brandFor(config, { hostname: 'helpdesk.digimadi.cz', search: '' }, storage())).toBe('digimadi');
    expect(brandFor(config, { hostname: 'digimadi.localhost', search: '' }, storage())).toBe('digimadi');
    expect(brandFor(config, { hostname: 'azami.localhost', search: '?brand=digimadi' }, storage())).toBe('azami');
  });

  it('is ?brand= on a host no brand names, remembered for the tab, else the default', () => {
    const tab = storage();
    expect(brandFor(config, { hostname: 'd123.cloudfront.net', search: '' }, tab)).toBe('azami');
    expect(brandFor(config, { hostname: 'd123.cloudfront.net', search: '?brand=digimadi' }, tab)).toBe('digimadi');
    expect(brandFor(config, { hostname: 'd123.cloudfront.net', search: '' }, tab)).toBe('digimadi');
    expect(brandFor(config, { hostname: 'd123.cloudfront.net', search: '?brand=evil' }, storage())).toBe('azami');
  });

  it('refuses a configuration without what the portal needs, naming it', () => {
    expect(() => parseConfig({ apiUrl: 'x' })).toThrow('cognito missing');
    expect(() => parseConfig({ ...config, defaultBrand: 'other' })).toThrow('defaultBrand');
    expect(config.apiUrl).toBe('https://api.example');
  });
});
