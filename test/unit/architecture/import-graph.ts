import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository's root, where the folders the layers live in are. */
export const root = path.resolve(import.meta.dirname, '../../..');

const skipped = new Set(['node_modules', 'cdk.out', '.local', '.git', 'portal']);

/** Every file under `dir` (repository-relative) whose name matches, skipping what is built or installed. */
export const filesUnder = (dir: string, pattern: RegExp): string[] => {
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(root, relative))) {
      if (skipped.has(name)) continue;
      const child = path.posix.join(relative, name);
      if (statSync(path.join(root, child)).isDirectory()) walk(child);
      else if (pattern.test(name)) found.push(child);
    }
  };
  walk(dir);
  return found.sort();
};

// Static imports and re-exports, type-only ones included: a cycle of types is still a cycle a reader follows.
const specifiers = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** What a file imports: repository-relative `.ts` paths for its relative imports, package names for the rest. */
export const importsOf = (file: string): { local: string[]; packages: string[] } => {
  const source = readFileSync(path.join(root, file), 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const match of source.matchAll(specifiers)) {
    const specifier = match[1] ?? match[2]!;
    if (specifier.startsWith('.')) local.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)).replace(/\.js$/, '.ts'));
    else packages.push(specifier);
  }
  return { local, packages };
};

/** The import cycles among `files` (Tarjan's strongly connected components of more than one file, or a file importing itself). */
export const cyclesAmong = (files: string[]): string[][] => {
  const graph = new Map(files.map((file) => [file, importsOf(file).local.filter((target) => target !== file || true)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string) => {
    index.set(file, next);
    low.set(file, next++);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)!.includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
};
