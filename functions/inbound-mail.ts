import * as z from 'zod';
import { inboundMailDeps } from '../lib/wiring/inbound-mail-deps.js';
import { EnvName, readEnv } from '../lib/config/env.js';
import { ValidationError } from '../lib/domain/errors.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
// The entry itself, not the whole table (see lib/lambda/inbound-mail-function.ts).
import { inboundMailFunction } from '../lib/lambda/inbound-mail-function.js';
import { receiveMail } from '../lib/services/mail/inbound/receive-mail.js';

export const handler = createFunctionHandler(inboundMailFunction)(({ event }) => {
  // The rule names this bucket; anything else is no mail of this stage's.
  if (event.detail.bucket.name !== readEnv(EnvName.bucketName, z.string().min(1))) {
    throw new ValidationError([{ field: 'event.detail.bucket.name', reason: 'is not this stage’s bucket' }]);
  }
  return receiveMail(inboundMailDeps, event.detail.object.key);
});
