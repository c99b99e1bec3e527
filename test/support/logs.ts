import { vi } from 'vitest';
import { logger } from '../../lib/observability/logger.js';

/**
 * The log lines `work` writes (JSON, as Powertools writes them to stdout and stderr), with the
 * logger at INFO meanwhile (the unit tests run it SILENT).
 */
export const loggedBy = async <T>(work: () => Promise<T>): Promise<{ result: T; lines: Record<string, unknown>[] }> => {
  const lines: Record<string, unknown>[] = [];
  const keep = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim().startsWith('{')) continue;
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a JSON log line
      }
    }
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  const level = logger.getLevelName();
  logger.setLogLevel('INFO');
  // Each invocation (injectLambdaContext) puts the level back to the one the logger started with; not meanwhile.
  const refresh = vi.spyOn(logger, 'refreshSampleRateCalculation').mockImplementation(() => undefined);
  try {
    return { result: await work(), lines };
  } finally {
    refresh.mockRestore();
    logger.setLogLevel(level);
    stdout.mockRestore();
    stderr.mockRestore();
  }
};
