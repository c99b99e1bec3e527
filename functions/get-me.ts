import { documentClient, tableName } from '../lib/adapters/dynamodb/document-client.js';
import { dynamoUserStore } from '../lib/adapters/dynamodb/user-store.js';
import { platformOfClient } from '../lib/config/app-clients.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { getMe } from '../lib/services/people/get-me.js';

const deps = { users: dynamoUserStore(documentClient, tableName), platformOfClient };

export const handler = createHandler(routes.getMe)(async ({ identity }) => getMe(deps, identity));
