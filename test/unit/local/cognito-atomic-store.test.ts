import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const fromCognitoLocal = createRequire(require.resolve('cognito-local/package.json'));
const { saveAtomically } = require('../../../local/cognito-atomic-store.cjs') as { saveAtomically: (engine: unknown) => void };

interface Engine {
  path: string;
  write(data: unknown): Promise<void> | null;
}
type EngineClass = new (file: string, options: { async: boolean }) => Engine;

/** A fresh copy of StormDB's file engine class, so patching it here touches no other test. */
const freshEngineClass = (): EngineClass => {
  const Original = fromCognitoLocal('stormdb').localFileEngine as EngineClass;
  return class extends Original {};
};

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'orderdesk-stormdb-')), 'pool.json');
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

afterEach(() => vi.restoreAllMocks());

describe("cognito-local's user store, saved atomically", () => {
  it('keeps the last of many saves that meet, as whole JSON', async () => {
    const Engine = freshEngineClass();
    saveAtomically(Engine);
    const file = tempFile();
    const engine = new Engine(file, { async: true });
    await Promise.all(Array.from({ length: 20 }, (_, i) => engine.write({ users: Array.from({ length: 200 }, (__, j) => `user-${i}-${j}`), save: i })));
    expect(readJson(file)).toMatchObject({ save: 19 });
  });

  it('leaves the previous save whole when a save fails midway, where StormDB alone leaves a broken file', async () => {
    const broken = async (Engine: EngineClass) => {
      const file = tempFile();
      const engine = new Engine(file, { async: true });
      await engine.write({ save: 1 });
      // The disk fills up (or the process stops) after half the bytes are written.
      const writeFile = fs.writeFile;
      const promisesWriteFile = fs.promises.writeFile;
      const half = (text: string) => text.slice(0, Math.floor(text.length / 2));
      vi.spyOn(fs, 'writeFile').mockImplementation(((target: fs.PathOrFileDescriptor, text: string, done: (error: Error) => void) =>
        writeFile(target, half(text), () => done(new Error('ENOSPC')))) as typeof fs.writeFile);
      vi.spyOn(fs.promises, 'writeFile').mockImplementation(async (target, text) => {
        await promisesWriteFile(target, half(String(text)));
        throw new Error('ENOSPC');
      });
      await expect(engine.write({ save: 2, padding: 'x'.repeat(1000) })).rejects.toThrow('ENOSPC');
      vi.restoreAllMocks();
      return () => readJson(file);
    };
    const Patched = freshEngineClass();
    saveAtomically(Patched);
    expect((await broken(Patched))()).toEqual({ save: 1 });
    expect(await broken(freshEngineClass())).toThrow(SyntaxError);
  });
});
