import fs from 'node:fs';
import path from 'node:path';
import { receiveLocally, type InboundRun, type InboundTarget } from './inbound-mail.js';

/** How often the folder is looked at, and how long a file must be left alone before it is taken (a copy still being written is not). */
const pollMs = 1000;
const settledMs = 500;

export const inboundFolder = (dataDir: string) => path.join(dataDir, 'inbound');

/** Where a handled mail goes: `done/` once posted, `refused/` otherwise (refused, dropped, or the function failed). */
const placeOf = (run: InboundRun) => ('outcome' in run && run.outcome.outcome === 'posted' ? 'done' : 'refused');

const summary = (run: InboundRun) =>
  'error' in run ? `failed: ${run.error.errorType}: ${run.error.errorMessage}` : run.outcome.outcome === 'posted' ? `posted to ${run.outcome.requestId}` : `${run.outcome.outcome}: ${run.outcome.reason}`;

/**
 * The local stack's mail drop: each `.eml` put in `<dataDir>/inbound/` is received as SES would
 * receive it (DMARC pass; `local/inbound-mail.ts`, the path `npm run inbound` takes), then moved
 * to `inbound/done/` or `inbound/refused/`, with what became of it beside it as `<name>.json`.
 * Polled, one mail at a time; stopping waits for the mail in hand.
 */
export const startInboundFolder = async (options: { dataDir: string; target: InboundTarget; log: (line: string) => void }) => {
  const folder = inboundFolder(options.dataDir);
  for (const sub of ['done', 'refused']) fs.mkdirSync(path.join(folder, sub), { recursive: true });
  let stopped = false;
  let busy: Promise<void> | undefined;

  const settle = (file: string, place: string, outcome: unknown) => {
    const name = path.basename(file);
    const to = path.join(folder, place, fs.existsSync(path.join(folder, place, name)) ? `${Date.now()}-${name}` : name);
    fs.renameSync(file, to);
    fs.writeFileSync(`${to.slice(0, -'.eml'.length)}.json`, `${JSON.stringify(outcome, null, 2)}\n`);
  };

  const sweep = async () => {
    const now = Date.now();
    const files = fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.eml'))
      .map((entry) => path.join(folder, entry.name))
      .filter((file) => now - fs.statSync(file).mtimeMs >= settledMs)
      .sort();
    for (const file of files) {
      if (stopped) return;
      try {
        const run = await receiveLocally(options.target, fs.readFileSync(file));
        settle(file, placeOf(run), 'error' in run ? run : run.outcome);
        options.log(`inbound: ${path.basename(file)} ${summary(run)}`);
      } catch (error) {
        // The stack itself could not take it (S3 or the Lambda API down): it stays for the next look.
        options.log(`inbound: ${path.basename(file)} not received yet: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
  };

  const timer = setInterval(() => {
    // One look at a time: a slow one is not queued behind.
    busy ??= sweep()
      .catch((error: unknown) => options.log(`inbound: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (busy = undefined));
  }, pollMs);
  timer.unref();
  options.log(`inbound: mail dropped into ${folder} is received as SES would (moved to done/ or refused/)`);
  return {
    folder,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await busy;
    },
  };
};
