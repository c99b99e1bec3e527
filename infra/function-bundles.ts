import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './bundle-options.js';

/**
 * Function bundles made by esbuild's JS API, many entries in one pass: what the CDK app deploys
 * (`OrderdeskFunction`) and what `npm run size` measures. One pass parses each shared module (zod,
 * lib/) once for every function and bundles them in parallel: 91 functions in ~8 s of CPU (4–12 s
 * on a 2-core machine). One `npx esbuild` per function, NodejsFunction's way, made `cdk synth`
 * cost 66 s of CPU; it costs 14 s now.
 */

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where esbuild is told each bundle goes: `<root>/.function-bundles/<name>/index.mjs`. Nothing is
 * written there (the outputs stay in memory); the path only sets how the source map names its
 * sources, relative to the bundle: `../../lib/...`, as from `cdk.out/<asset>/` when `cdk synth`
 * bundled. The same source thus gives the same bytes, and the same asset hash, whichever dir a
 * synth writes to.
 */
const nominalOutdir = path.join(projectRoot, '.function-bundles');

/** One file of a function's bundle: `index.mjs` or its source map `index.mjs.map`. */
export interface BundleFile {
  name: string;
  contents: Uint8Array;
}

/** How many esbuild passes this process has made: the infra tests check that synths reuse them. */
let passes = 0;
export const esbuildPasses = (): number => passes;

/** Bundles `functions/<name>.ts` for each name in one esbuild pass, with the shared `bundleOptions`. Nothing is cached. */
export const buildFunctionBundles = (names: readonly string[]): Map<string, BundleFile[]> => {
  passes += 1;
  const result = buildSync({
    ...bundleOptions,
    entryPoints: Object.fromEntries(names.map((name) => [`${name}/index`, path.join(projectRoot, 'functions', `${name}.ts`)])),
    bundle: true,
    outdir: nominalOutdir,
    outExtension: { '.js': '.mjs' },
    write: false,
    logLevel: 'error',
  });
  const bundles = new Map<string, BundleFile[]>(names.map((name) => [name, []]));
  for (const file of result.outputFiles) {
    const [name, fileName] = path.relative(nominalOutdir, file.path).split(path.sep) as [string, string];
    bundles.get(name)!.push({ name: fileName, contents: file.contents });
  }
  return bundles;
};

/** Writes a bundle's files into `dir` (which exists). */
export const writeFunctionBundle = (files: readonly BundleFile[], dir: string): void => {
  for (const file of files) fs.writeFileSync(path.join(dir, file.name), file.contents);
};

/**
 * The bundles made in this process, by function name: every synth in the process (dev, prod,
 * cdk-nag's, the infra tests' apps) takes them from here. Like CDK's own asset cache, it lives as
 * long as the process and does not see a source change within it: `cdk synth` and each test run
 * are processes of their own.
 */
const built = new Map<string, BundleFile[]>();
/** Functions an app will ask for: the first one asked for bundles them all, in one pass. */
const expected = new Set<string>();

/** Names every function an app is about to define, so that the first bundle asked for makes them all in one pass. */
export const expectFunctionBundles = (names: Iterable<string>): void => {
  for (const name of names) expected.add(name);
};

/** The bundle of `functions/<name>.ts`: made once per process, with whatever else is expected and not made yet. */
export const functionBundle = (name: string): readonly BundleFile[] => {
  const made = built.get(name);
  if (made) return made;
  const batch = [name, ...[...expected].filter((other) => other !== name && !built.has(other))];
  for (const [bundled, files] of buildFunctionBundles(batch)) built.set(bundled, files);
  return built.get(name)!;
};
