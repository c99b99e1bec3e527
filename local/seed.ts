import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { orgKey } from '../lib/adapters/dynamodb/keys.js';
import { dynamoUserStore } from '../lib/adapters/dynamodb/user-store.js';
import { ensureCognitoUser } from './cognito.js';
import { demoOrgs, demoUsers } from './demo-data.js';

/**
 * Seeds the demo organisation and users. Idempotent: existing Cognito users keep their `sub`,
 * and the DynamoDB items are rewritten to match it, so a wiped user pool heals on the next start.
 */
export const seedDemoData = async (
  dynamo: DynamoDBClient,
  tableName: string,
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  now: Date,
) => {
  const documents = DynamoDBDocumentClient.from(dynamo);
  for (const org of demoOrgs) {
    await documents
      .send(
        new PutCommand({
          TableName: tableName,
          Item: { ...orgKey(org.orgId), entity: 'org', ...org, createdAt: now.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      )
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
      });
  }
  const users = dynamoUserStore(documents, () => tableName);
  for (const demo of demoUsers) {
    const userId = await ensureCognitoUser(cognito, userPoolId, demo);
    const existing = await users.getUser(userId);
    // Kept: what the person chose since (their mail preferences).
    await users.put({
      ...existing,
      userId,
      email: demo.email,
      name: demo.name,
      role: demo.role,
      orgId: demo.orgId,
      createdAt: existing?.createdAt ?? now.toISOString(),
    });
  }
};
