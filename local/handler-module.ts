import type { Context } from 'aws-lambda';
import path from 'node:path';
import { pathToFileURL } from 'node:url';


const functionsDir = path.resolve(import.meta.dirname, '..', 'functions');

/** The same module that deploys to Lambda: `functions/<name>.ts`. */
export const loadHandler = async (name: string): Promise<(event: unknown, context: Context) => Promise<unknown>> => {
  const module: unknown = await import(pathToFileURL(path.join(functionsDir, `${name}.ts`)).href);
  const handler = typeof module === 'object' && module !== null && 'handler' in module ? module.handler : undefined;
  if (typeof handler !== 'function') throw new Error(`functions/${name}.ts exports no handler`);
  // Each handler checks its own event (zod), as in Lambda, where any JSON can be sent to it.
  return handler as (event: unknown, context: Context) => Promise<unknown>;
};

/** Loads each module once, on first use. */
export const handlerCache = () => {
  const handlers = new Map<string, ReturnType<typeof loadHandler>>();
  return (name: string) => {
    let handler = handlers.get(name);
    if (!handler) handlers.set(name, (handler = loadHandler(name)));
    return handler;
  };
};
