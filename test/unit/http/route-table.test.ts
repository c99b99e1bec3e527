import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionTimeoutSeconds, routeTimeoutLimitSeconds } from '../../../lib/config/limits.js';
import { functionList } from '../../../lib/lambda/table.js';
import * as z from 'zod';
import { kebabCase, routeKey, routeTable } from '../../../lib/http/route.js';
import { noRoute, routeList, routes } from '../../../lib/http/routes.js';

const functionsDir = path.resolve(import.meta.dirname, '../../../functions');

describe('the route table', () => {
  it('has one handler module per route or function-table entry, and the no-route one, and no handler without one', () => {
    const files = fs.readdirSync(functionsDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...routeList, noRoute, ...functionList].map((r) => r.name).sort());
  });

  it('never gives a route and a function-table entry the same name (they share functions/ and logical ids)', () => {
    const names = [...routeList, noRoute, ...functionList].map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives no route more time than API Gateway waits', () => {
    for (const route of routeList) expect(route.timeoutSeconds ?? functionTimeoutSeconds, route.name).toBeLessThanOrEqual(routeTimeoutLimitSeconds);
  });

  it('says why each public route needs no login, and only public ones', () => {
    for (const route of routeList) expect(route.publicBecause !== undefined, route.name).toBe(route.auth === 'public');
  });

  it('names routes in kebab-case, each once, and each method and path once', () => {
    for (const route of routeList) expect(route.name).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
    expect(new Set(routeList.map((r) => r.name)).size).toBe(routeList.length);
    expect(new Set(routeList.map(routeKey)).size).toBe(routeList.length);
  });

  it('lets each route’s handler import only its own group of routes, not the whole table (its bundle carries no other route’s schemas)', () => {
    const wholeTable = fs
      .readdirSync(functionsDir)
      .filter((file) => fs.readFileSync(path.join(functionsDir, file), 'utf8').includes("from '../lib/http/routes.js'"))
      .sort();
    // The OpenAPI document and the fallback are about every route.
    expect(wholeTable).toEqual(['get-openapi.ts', 'no-route.ts']);
  });

  it('names each route after its key in kebab-case, the name of its handler module', () => {
    for (const [key, route] of Object.entries(routes)) {
      expect(route.name, key).toBe(kebabCase(key));
      expect(fs.existsSync(path.join(functionsDir, `${route.name}.ts`)), route.name).toBe(true);
    }
    expect(kebabCase('getMe')).toBe('get-me');
    expect(kebabCase('updateOrganisationSettings')).toBe('update-organisation-settings');
  });

  it('makes a route that states no auth a jwt one, and keeps a public one public', () => {
    const entry = { method: 'GET', path: '/x', summary: 'x', tag: 't', status: 200, schemas: { response: z.object({}) }, access: {} } as const;
    const table = routeTable({ getX: entry, openX: { ...entry, auth: 'public', publicBecause: 'a test' } });
    expect(table.getX).toMatchObject({ name: 'get-x', auth: 'jwt' });
    expect(table.openX).toMatchObject({ name: 'open-x', auth: 'public' });
    for (const route of routeList) expect(['jwt', 'public'], route.name).toContain(route.auth);
  });

  it('declares every {parameter} of a path in its path schema', () => {
    for (const route of routeList) {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(Object.keys(route.schemas.path?.shape ?? {}).sort(), route.name).toEqual(inPath.sort());
    }
  });

  it('exports a handler from each module', async () => {
    process.env.TABLE_NAME ??= 'unit-test';
    for (const { name } of [...routeList, noRoute, ...functionList]) {
      const module: unknown = await import(path.join(functionsDir, `${name}.ts`));
      expect(module, name).toHaveProperty('handler', expect.any(Function));
    }
  });
});
