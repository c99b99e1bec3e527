import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePorts } from '../../../local/ports.js';

describe('free ports for test stacks', () => {
  it('hands out distinct ports below the range Linux gives outgoing connections', async () => {
    const ports = await freePorts(6);
    expect(new Set(ports).size).toBe(6);
    for (const port of ports) expect(port >= 20_000 && port < 32_000, String(port)).toBe(true);
  });

  it('never hands out a port something listens on', async () => {
    const [taken] = await freePorts(1);
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(taken, '127.0.0.1', resolve));
    try {
      // The range holds the taken port and the one after it: only that one may come back.
      for (let i = 0; i < 5; i++) expect(await freePorts(1, { from: taken!, to: taken! + 2 })).toEqual([taken! + 1]);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});
