import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { toDocumentClient } from '../../lib/adapters/dynamodb/document-client.js';
import { orgKey } from '../../lib/adapters/dynamodb/keys.js';
import { dynamoUserStore } from '../../lib/adapters/dynamodb/users.js';
import type { Role } from '../../lib/domain/roles.js';
import { ensureCognitoUser } from '../../local/cognito.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { asPerson, type Client } from './api-client.js';

/** A DynamoDB client of the local stack, for fixtures and for counting what the services send. */
export const localDynamo = () =>
  new DynamoDBClient({ endpoint: inject('stack').dynamodbUrl, region: localRegion, credentials: localCredentials });

/** The document client exactly as the functions build theirs. */
export const documents = (client: DynamoDBClient) => toDocumentClient(client);

/**
 * A client organisation of its own with an admin and a member, made the way the demo seed makes
 * Acme (a Cognito login and the user items). Queue tests use one each, so that requests other
 * tests file into Acme never change the order they check.
 */
export const freshOrganisation = async (label = 'Queue'): Promise<{ orgId: string; admin: Client; member: Client }> => {
  const stack = inject('stack');
  const suffix = randomUUID().slice(0, 8);
  const orgId = `org-${label.toLowerCase()}-${suffix}`;
  const dynamo = localDynamo();
  const cognito = new CognitoIdentityProviderClient({ endpoint: stack.cognitoUrl, region: localRegion, credentials: localCredentials });
  try {
    const now = new Date().toISOString();
    await documents(dynamo).send(new PutCommand({ TableName: stack.tableName, Item: { ...orgKey(orgId), entity: 'org', orgId, name: `${label} ${suffix}`, createdAt: now } }));
    const users = dynamoUserStore(documents(dynamo), () => stack.tableName);
    const person = async (role: Role, name: string) => {
      const email = `${role}.${suffix}@${label.toLowerCase()}.example`;
      const password = `Fresh-${role}-1`;
      const userId = await ensureCognitoUser(cognito, stack.userPool.userPoolId, { email, name, password });
      await users.put({ userId, email, name, role, orgId, createdAt: now });
      return asPerson(email, password);
    };
    return { orgId, admin: await person('client_admin', 'Alena Admin'), member: await person('client_member', 'Milan Member') };
  } finally {
    dynamo.destroy();
    cognito.destroy();
  }
};
