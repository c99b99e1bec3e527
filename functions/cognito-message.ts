import { platformOfClient } from '../lib/config/app-clients.js';
import { portalUrlOf } from '../lib/config/portal-urls.js';
import { createFunctionHandler } from '../lib/functions/create-function-handler.js';
import { functions } from '../lib/functions/table.js';
import { writeAccountMail } from '../lib/services/account-mail.js';

export const handler = createFunctionHandler(functions.cognitoMessage)(async ({ event }) => writeAccountMail({ portalUrl: portalUrlOf, platformOfClient }, event));
