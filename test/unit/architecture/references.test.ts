import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, root } from './import-graph.js';

const markdown = ['README.md', ...filesUnder('docs', /\.md$/)];
const code = ['lib', 'functions', 'infra', 'local', 'bin', 'bench', 'test', '.ci'].flatMap((dir) => filesUnder(dir, /\.(ts|mjs|sh)$|^run$/));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const exists = (relative: string) => existsSync(path.join(root, relative));
const inRepository = (relative: string) => !path.posix.normalize(relative).startsWith('..') && !path.isAbsolute(relative);

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
/** The anchors a page has: its headings' and the ones it sets by hand (`<a id="…">`). */
const anchorsOf = (file: string) =>
  new Set([...[...read(file).matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => slug(match[1]!)), ...[...read(file).matchAll(/<a id="([^"]+)"/g)].map((match) => match[1]!)]);

/** The Markdown links of a file that are not web addresses, with their targets resolved from the repository's root. */
const localLinks = (file: string) =>
  [...read(file).replace(/```[\s\S]*?```/g, '').matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => {
      const [file_, anchor] = target.split('#') as [string, string | undefined];
      return { target, resolved: file_ ? path.posix.normalize(path.posix.join(path.posix.dirname(file), file_)) : file, anchor };
    });

// A repository path as prose cites it: a top-level folder of the repository, then a path (a file with its extension, or a folder).
const citedPath = /(?<![\w./-])((?:lib|functions|infra|local|bin|bench|test|docs|\.ci)\/[\w./-]*[\w/])/g;
/** Paths of files that tests or tools create, and a SigV4 credential scope (`local/<date>/…`) that only looks like a path. */
const generated = (cited: string) => cited.startsWith('.local/') || /^local\/\d{8}\//.test(cited) || /\/(index|[\w-]+\.test)\.mjs$/.test(cited) || cited.includes('cdk.out');

const citedPaths = (file: string) =>
  [...read(file).matchAll(citedPath)]
    .map((match) => match[1]!.replace(/[./]+$/, (tail) => (tail.endsWith('/') ? '/' : '')))
    .filter((cited) => !generated(cited));

describe('references in the README, the docs and the code', () => {
  it('links every docs page from the README', () => {
    const linked = new Set(localLinks('README.md').map((link) => link.resolved));
    expect(filesUnder('docs', /\.md$/).filter((page) => !linked.has(page))).toEqual([]);
  });

  it('has no Markdown link to a file outside the repository, to a file that does not exist, or to a missing heading', () => {
    const broken = markdown.flatMap((file) =>
      localLinks(file)
        .filter(({ resolved, anchor }) => !inRepository(resolved) || !exists(resolved) || (anchor && resolved.endsWith('.md') && !anchorsOf(resolved).has(anchor)))
        .map(({ target }) => `${file} → ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('cites only repository paths that exist, in prose and in code comments', () => {
    // This folder's own tests cite missing paths on purpose.
    const missing = [...markdown, ...code.filter((file) => !file.startsWith('test/unit/architecture/'))].flatMap((file) => citedPaths(file).filter((cited) => !exists(cited)).map((cited) => `${file} → ${cited}`));
    expect([...new Set(missing)]).toEqual([]);
  });

  it('cites no design note that lives outside the repository', () => {
    const outside = [...markdown, ...code].filter((file) => !file.startsWith('test/unit/architecture/')).flatMap((file) =>
      [...read(file).matchAll(/(?:\.\.\/shared\/|\b(?:DESIGN|WORKFLOW|MAIL|DEVELOPERS)\.md\b)/g)].map((match) => `${file} → ${match[0]}`),
    );
    expect(outside).toEqual([]);
  });

  it('finds a missing path and a link outside the repository (the check itself can fail)', () => {
    expect('see lib/nowhere/gone.ts and lib/domain/lifecycle.ts'.match(citedPath)?.filter((cited) => !exists(cited))).toEqual(['lib/nowhere/gone.ts']);
    expect(inRepository(path.posix.normalize('docs/../../shared/DESIGN.md'))).toBe(false);
  });
});
