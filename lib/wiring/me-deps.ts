import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { dynamoUserStore } from '../adapters/dynamodb/user-store.js';
import { platformOfClient } from '../config/app-clients.js';
import type { MeDeps } from '../services/ports/deps.js';

/** `GET /me` reads one user item: only the user store, so its function carries none of the other stores. */
export const meDeps: MeDeps = { users: dynamoUserStore(documentClient, tableName), platformOfClient };
