import { platformOfClient } from '../lib/config/app-clients.js';
import { portalUrlOf } from '../lib/config/portal-urls.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { writeAccountMail } from '../lib/services/mail/account-mail.js';

export const handler = createFunctionHandler(functions.cognitoMessage)(async ({ event }) => writeAccountMail({ portalUrl: portalUrlOf, platformOfClient }, event));
