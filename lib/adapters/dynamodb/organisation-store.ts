import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import { Organisation } from '../../domain/organisation.js';
import type { BillingStore } from '../../services/ports/offers-orders.js';
import { TableWrite } from './table-write.js';
import { orgKey } from './keys.js';
import type { OrganisationStore } from '../../services/ports/people.js';

export const dynamoOrganisationStore = (client: DynamoDBDocumentClient, tableName: () => string): OrganisationStore & BillingStore => ({
  async getOrganisation(orgId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: orgKey(orgId) }));
    return Item ? Organisation.parse(Item) : undefined;
  },

  async updateSettings(organisation, settings, updatedAt) {
    const next: Organisation = { ...organisation, settings: { ...organisation.settings, ...settings }, updatedAt };
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: orgKey(organisation.orgId),
          UpdateExpression: 'SET settings = :settings, updatedAt = :now',
          // Conditional on the version read, so two admins' changes can't silently undo each other.
          ConditionExpression: organisation.updatedAt ? 'updatedAt = :read' : 'attribute_exists(pk) AND attribute_not_exists(updatedAt)',
          ExpressionAttributeValues: { ':settings': next.settings, ':now': updatedAt, ...(organisation.updatedAt ? { ':read': organisation.updatedAt } : {}) },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      throw new ConflictError('The organisation’s settings changed while you were editing them', 'Reload the organisation and change the setting again', {
        cause: error,
      });
    }
    return next;
  },

  setBilling: (orgId, billing, at) =>
    new TableWrite(
      `billing details of ${orgId}`,
      {
        Update: {
          TableName: tableName(),
          Key: orgKey(orgId),
          UpdateExpression: 'SET billing = :billing, updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':billing': billing, ':now': at },
        },
      },
      () => new NotFoundError(`Organisation ${orgId}`),
    ),
});
