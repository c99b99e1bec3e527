/**
 * The single table, as data. The CDK data stack and the local stack both build the table from
 * this, so what runs locally is what deploys. Every key attribute is a string.
 *
 * Item layout (alexdebrie-style single table; new entities add rows here):
 * | entity            | pk                 | sk          | gsi1pk / gsi1sk                  |
 * |-------------------|--------------------|-------------|----------------------------------|
 * | user              | USER#<sub>         | PROFILE     | ORG#<orgId>#MEMBERS / <email>    |
 * | e-mail → user     | EMAIL#<email>      | EMAIL       |                                  |
 * | organisation      | ORG#<orgId>        | PROFILE     |                                  |
 *
 * Indexes are overloaded and sparse: only items that carry an index's attributes appear in it.
 * - gsi1: listings of an owner in time or name order (an org's members, an org's requests
 *   newest first, a participant's requests).
 * - gsi2: client-ranked queues (an org's active requests in rank order).
 * - gsi3: the agency's work queue across organisations.
 */
export const tableDefinition = {
  /** The local table's name; in AWS the name is generated and passed as TABLE_NAME. */
  localName: 'orderdesk',
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds. DynamoDB deletes such items late (and DynamoDB Local never): always filter on it too. */
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalIndexes)[number]['indexName'];
