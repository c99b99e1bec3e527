import { GetCommand, type DocumentClient } from './document-client.js';
import { ConflictError, NotFoundError } from '../../domain/errors.js';
import * as z from 'zod';
import { foldForSearch, Organisation, searchText } from '../../domain/organisation.js';
import type { BillingStore } from '../../services/ports/offers-orders.js';
import { cursorCodec } from './cursor.js';
import { TableWrite } from './table-write.js';
import { orgKey, organisationsIndexKey, organisationsPartition } from './keys.js';
import type { OrganisationAdmin, OrganisationStore } from '../../services/ports/people.js';
import { queryPage } from './query-page.js';
import { versionCondition } from './version-condition.js';

/** The organisation item: listed by its folded name, searched by `search` (its folded name and IČO). */
export const organisationItem = (organisation: Organisation) => ({
  ...orgKey(organisation.orgId),
  ...organisationsIndexKey(foldForSearch(organisation.name), organisation.orgId),
  entity: 'org',
  search: searchText(organisation),
  ...organisation,
});

const listCursor = cursorCodec('organisations', z.strictObject({ name: z.string().max(400), orgId: z.string().max(128) }));

const changedMeanwhile = (organisation: Organisation) => () =>
  new ConflictError(`${organisation.name} was changed by someone else meanwhile`, 'Reload the organisation and try again');

export const dynamoOrganisationStore = (client: DocumentClient, tableName: () => string): OrganisationStore & OrganisationAdmin & BillingStore => ({
  async getOrganisation(orgId) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: orgKey(orgId) }));
    return Item ? Organisation.parse(Item) : undefined;
  },

  updateSettings: (organisation, next) =>
    new TableWrite(
      `settings of ${organisation.orgId}`,
      {
        Update: {
          TableName: tableName(),
          Key: orgKey(organisation.orgId),
          UpdateExpression: 'SET settings = :settings, updatedAt = :now ADD version :one',
          // Conditional on the settings as read, so two admins' changes can't silently undo each other.
          ConditionExpression: organisation.updatedAt ? 'updatedAt = :read' : 'attribute_exists(pk) AND attribute_not_exists(updatedAt)',
          ExpressionAttributeValues: { ':settings': next.settings, ':now': next.updatedAt, ':one': 1, ...(organisation.updatedAt ? { ':read': organisation.updatedAt } : {}) },
        },
      },
      () => new ConflictError('The organisation’s settings changed while you were editing them', 'Reload the organisation and change the setting again'),
    ),

  setBilling: ({ orgId, name }, billing, at) =>
    new TableWrite(
      `billing details of ${orgId}`,
      {
        Update: {
          TableName: tableName(),
          Key: orgKey(orgId),
          // The version moves with every change, so a rename decided on the old item can't undo this one.
          UpdateExpression: 'SET billing = :billing, #search = :search, updatedAt = :now ADD version :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#search': 'search' },
          ExpressionAttributeValues: { ':billing': billing, ':search': searchText({ name, billing }), ':now': at, ':one': 1 },
        },
      },
      () => new NotFoundError(`Organisation ${orgId}`),
    ),

  create: (organisation) =>
    new TableWrite(
      `organisation ${organisation.orgId}`,
      { Put: { TableName: tableName(), Item: organisationItem(organisation), ConditionExpression: 'attribute_not_exists(pk)' } },
      () => new ConflictError(`An organisation ${organisation.orgId} exists already`, 'Choose another id, or leave it out to get a new one'),
    ),

  replace: (read, next) =>
    new TableWrite(
      `organisation ${read.orgId}`,
      {
        Put: {
          TableName: tableName(),
          Item: organisationItem(next),
          ...versionCondition(read.version),
        },
      },
      changedMeanwhile(read),
    ),

  list: (query, limit, cursor) => {
    const at = cursor === undefined ? undefined : listCursor.decode(cursor);
    const folded = query === undefined ? '' : foldForSearch(query).trim();
    return queryPage(client, {
      input: {
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        // A contains-filter on the folded text: an agency's clients are hundreds, read in pages.
        ...(folded ? { FilterExpression: 'contains(#search, :q)', ExpressionAttributeNames: { '#search': 'search' } } : {}),
        ExpressionAttributeValues: { ':pk': organisationsPartition, ...(folded ? { ':q': folded } : {}) },
      },
      limit,
      parse: (item) => Organisation.parse(item),
      cursorAfter: (organisation) => listCursor.encode({ name: foldForSearch(organisation.name), orgId: organisation.orgId }),
      start: at && { ...orgKey(at.orgId), ...organisationsIndexKey(at.name, at.orgId) },
    });
  },
});
