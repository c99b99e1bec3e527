import * as z from 'zod';

/** Where a route whose status is 303 sends the caller: its handler answers this, the `Location` header says it. */
export const RedirectTo = z.object({ location: z.url() });
