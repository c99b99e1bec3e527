/**
 * The single table, as data. The CDK data stack and the local stack both build the table from
 * this, so what runs locally is what deploys. Every key attribute is a string.
 *
 * Item layout (alexdebrie-style single table; new entities add rows here, keys are built in keys.ts):
 * | entity              | pk                     | sk                      | index keys                                   |
 * |---------------------|------------------------|-------------------------|----------------------------------------------|
 * | user                | USER#<sub>             | PROFILE                 | gsi1: ORG#<orgId>#MEMBERS / <email>          |
 * | e-mail → user       | EMAIL#<email>          | EMAIL                   |                                              |
 * | organisation        | ORG#<orgId>            | PROFILE                 | gsi1: ORGS / <folded name>#<orgId>           |
 * | log of changes      | AUDIT#<orgId>|agency   | <at>#<uuid>             |                                              |
 * | request             | REQ#<2026-0042>        | REQ                     | gsi1: ORG#<orgId>#REQ / <createdAt>#<id>     |
 * |                     |                        |                         | gsi3: REQUESTS / <createdAt>#<id>            |
 * |                     |                        |                         | gsi2: ORG#<orgId>#QUEUE / <rank>#<id>        |
 * |                     |                        |                         |   (while active: the client's queue)         |
 * |                     |                        |                         | gsi4: WORK / <readyAt>#<id>                  |
 * |                     |                        |                         |   (while ready work: the agency's queue)     |
 * | timeline entry      | REQ#<id>               | TL#<createdAt>#<uuid>   |                                              |
 * | attachment          | REQ#<id>               | ATT#<uuid>              |                                              |
 * | participant         | REQ#<id>               | PART#<sub>              | gsi1: USER#<sub>#INVITED / <invitedAt>#<id>  |
 * | request counter     | COUNTER#REQUEST#<year> | COUNTER                 |                                              |
 * | idempotency record  | IDEM#<sub>#<op>#<key>  | IDEM                    | (expiresAt: TTL)                             |
 * | agency person       | USER#<sub>             | PROFILE                 | gsi1: AGENCY#STAFF / <email>                 |
 * | muted request       | USER#<sub>             | MUTE#<requestId>        |                                              |
 * | suppressed address  | EMAIL#<email>          | SUPPRESSED              | gsi1: MAIL#SUPPRESSED / <at>#<email>         |
 * | mail (delivery)     | MAIL#<group>           | TO#<sub>                | gsi1: MAIL#PARKED / <parkedAt>#… (parked)    |
 * | offer               | REQ#<id>               | OFFER#<0001>            |                                              |
 * | order               | REQ#<id>               | ORDER                   |                                              |
 * | payment             | REQ#<id>               | PAY#<paymentId>         | gsi1 while flagged, unresolved:              |
 * |                     |                        |                         |   PAYMENTS#FLAGGED / <recordedAt>#<paymentId>|
 * | payment id claimed  | PAYMENT#<paymentId>    | PAYMENT                 |                                              |
 * | payment, no order   | PAYMENT#<paymentId>    | UNMATCHED               | gsi1 as a payment's, while unresolved        |
 * | workflow (owner)    | REQ#<id>               | WORKFLOW                | gsi1: WORKFLOWS / <id>                       |
 * | reminder sent       | REQ#<id>               | REMINDER#<name>         |                                              |
 * | handover (round)    | REQ#<id>               | HANDOVER#<0001>         |                                              |
 * | rating summary      | FEEDBACK               | ORG#<orgId>, AGENT#<sub>|                                              |
 * | mail thread         | REQ#<id>               | MAILTHREAD#<sub>        |                                              |
 * | inbound mail        | INBOUND#<object key>   | OUTCOME                 | (expiresAt: TTL)                             |
 * | answer to a sender  | EMAIL#<email>          | ANSWERED                | (expiresAt: TTL)                             |
 * | erased person       | ERASED#<sub>           | ERASURE                 |                                              |
 *
 * No read scans, with one exception: a person's export and erasure read the whole table once
 * (person-data-store.ts, docs/privacy.md), being rare enough that an index of who is named where
 * would cost more, on every write, than they ever do.
 *
 * The request id is its human number, so "a request by its number" is a plain GetItem. A request
 * and everything that belongs to it share one partition: one Query reads its timeline.
 *
 * Indexes are overloaded and sparse: only items that carry an index's attributes appear in it.
 * - gsi1: listings of an owner newest first (an org's requests and members, a person's invitations),
 *   and the agency's small lists: suppressed addresses, flagged payments, parked mail.
 * - gsi2: client-ranked queues: an org's active requests in rank order. Finishing a request
 *   removes its gsi2 keys, so the queue holds active requests only.
 * - gsi3: agency-wide listings (every request newest first).
 * - gsi4: the agency's work queue: ready work (queued, in progress, changes requested) of every
 *   organisation, read in one Query and ordered by the interleave policy in memory. One
 *   partition is fine here: ready work is tens or hundreds of items, never a hot write path.
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
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.globalIndexes)[number]['indexName'];
