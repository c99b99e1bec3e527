import fs from 'node:fs';
import * as z from 'zod';
import { receiveLocally } from '../local/inbound-mail.js';
import { runningStack } from '../local/running-stack.js';

const usage = [
  'usage: npm run inbound -- <file.eml> [--dmarc fail]',
  '  receives the mail as SES would for the running local stack: SES’s verdicts prepended',
  '  (Authentication-Results: amazonses.com; … dmarc=pass, or fail with --dmarc fail), stored',
  '  in the local bucket as mail/<id>.eml, and handed to the inbound-mail function with the',
  '  EventBridge event S3 sends. Prints what became of it (posted, refused or dropped, and why).',
].join('\n');

const main = async () => {
  const args = process.argv.slice(2);
  const dmarcAt = args.indexOf('--dmarc');
  const dmarc = dmarcAt >= 0 ? z.enum(['pass', 'fail']).safeParse(args[dmarcAt + 1]) : undefined;
  const files = args.filter((_arg, i) => dmarcAt < 0 || (i !== dmarcAt && i !== dmarcAt + 1));
  if (files.length !== 1 || (dmarc && !dmarc.success) || !fs.existsSync(files[0]!)) {
    console.error(usage);
    process.exit(2);
  }
  const target = runningStack(z.object({ s3Url: z.string(), bucketName: z.string(), lambdaUrl: z.string() }));
  const run = await receiveLocally(target, fs.readFileSync(files[0]!), { dmarc: dmarc?.data ?? 'pass' });
  if ('error' in run) {
    console.error(`orderdesk: inbound-mail failed on ${run.key}: ${run.error.errorType}: ${run.error.errorMessage}`);
    process.exit(1);
  }
  console.log(JSON.stringify(run.outcome, null, 2));
};

main().catch((error: unknown) => {
  console.error(`orderdesk: the mail was not received: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
