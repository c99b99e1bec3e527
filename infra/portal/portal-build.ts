import childProcess from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DockerImage } from 'aws-cdk-lib';
import { Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { projectRoot } from '../orderdesk-function.js';

const portalRoot = path.join(projectRoot, 'portal');

/**
 * What the build reads: the portal, the lib/ modules it shares with the backend (brands, the
 * Markdown renderer, money formatting), and the locked dependency versions. All of lib/ rather
 * than the modules the portal imports today, so a new import can't be missed.
 */
const inputs = [portalRoot, path.join(projectRoot, 'lib')];
const skipped = new Set(['node_modules', 'dist']);

const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !skipped.has(entry.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : entry.isFile() ? [path.join(dir, entry.name)] : []))
    .sort();

/** The build's inputs hashed: the asset's hash, so the same sources are one asset, built once. */
export const portalSourceHash = (): string => {
  const hash = crypto.createHash('sha256');
  for (const file of [...inputs.flatMap(filesUnder), path.join(projectRoot, 'package-lock.json')]) {
    hash.update(path.relative(projectRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
};

/** Where builds are kept between processes (the infra test files, one `cdk synth` after another): `.local/` is git-ignored. */
const cacheRoot = path.join(projectRoot, '.local', 'portal-build');

const vite = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');

/**
 * Runs `vite build` of portal/ into `outDir` (about 2 s); the portal's own config, the Node running
 * this. Without Vite's lock (one `vite build` per project at a time): each build writes a dir of its
 * own (`buildInto`), and two processes synthesizing at once (infra test files, `cdk synth` beside
 * them) would otherwise fail one of the synths.
 */
const viteBuild = (outDir: string) => {
  const result = childProcess.spawnSync(process.execPath, [vite, 'build', '--config', path.join(portalRoot, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--bypass-lock', '--logLevel', 'warn'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`vite build of portal/ failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
};

/**
 * The built portal in `outDir`: copied from the cache when these sources were built before, else
 * built, then kept (written beside and renamed, so two processes building at once each leave a
 * whole build; older builds are removed).
 */
const buildInto = (outDir: string, hash: string) => {
  const cached = path.join(cacheRoot, hash);
  if (!fs.existsSync(path.join(cached, 'index.html'))) {
    const building = `${cached}-${process.pid}`;
    viteBuild(building);
    for (const old of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) {
      // A finished build is named by its hash alone; `<hash>-<pid>` is another process's, still building.
      if (!old.startsWith(hash) && !old.includes('-')) fs.rmSync(path.join(cacheRoot, old), { recursive: true, force: true });
    }
    try {
      fs.renameSync(building, cached);
    } catch {
      // Another process kept the same build first.
      fs.rmSync(building, { recursive: true, force: true });
    }
  }
  fs.cpSync(cached, outDir, { recursive: true });
};

/**
 * The built portal (index.html, assets/) as a deployment source, built during synth with the
 * local Vite: no Docker (the image is never pulled, `tryBundle` always succeeds). Hashed by its
 * sources, so CDK stages it once per cloud assembly (`asset.<hash>` in cdk.out is reused by the
 * next synth) and `.local/portal-build/` spares the other processes the build.
 */
export const portalBuildSource = (): ISource => {
  const hash = portalSourceHash();
  return Source.asset(portalRoot, {
    assetHash: hash,
    bundling: {
      image: DockerImage.fromRegistry('none'),
      local: {
        tryBundle(outputDir) {
          buildInto(outputDir, hash);
          return true;
        },
      },
    },
  });
};
