import * as z from 'zod';

/** The two client platforms. Each has its own Cognito app client; the platform a request came
 * from decides the branding of its e-mails and the portal links. */
export const Platform = z.enum(['azami', 'digimadi']);
export type Platform = z.infer<typeof Platform>;
export const platforms = Platform.options;
