import { GetCommand, QueryCommand, ScanCommand, type DocumentClient } from './document-client.js';
import { ConflictError } from '../../domain/errors.js';
import { ErasureRecord, type StoredItem } from '../../domain/privacy.js';
import type { PersonDataStore } from '../../services/ports/privacy.js';
import { emailKey, erasureKey, invitedPartition, userKey } from './keys.js';
import type { RawItem } from './stored-items.js';
import { tableDefinition } from './table-definition.js';
import { TableWrite } from './table-write.js';
import { updateExpression } from './update-expression.js';

const primaryKey: readonly string[] = [tableDefinition.partitionKey, tableDefinition.sortKey];
const indexKeyNames: readonly string[] = tableDefinition.globalIndexes.flatMap((index) => [index.partitionKey, index.sortKey]);

/** A raw item as the domain reads it: its primary key (partition key first), its index keys and the rest. */
const storedItem = (raw: RawItem): StoredItem => {
  const key: Record<string, string> = Object.fromEntries(primaryKey.map((name) => [name, String(raw[name])]));
  const indexKeys: Record<string, string> = {};
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (primaryKey.includes(name)) continue;
    if (indexKeyNames.includes(name)) indexKeys[name] = String(value);
    else attributes[name] = value;
  }
  return { key, indexKeys, attributes };
};

const keyText = (key: Readonly<Record<string, string>>) => `${key.pk} ${key.sk}`;

/**
 * How many parts the Scan is read in at once (DynamoDB's parallel scan): each part is paged on its
 * own, side by side with the others.
 */
const defaultScanSegments = 4;

/** JSON is enough to tell whether a rewritten attribute changed: both sides come from the same read. */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Everything stored about a person, read and written item by item whatever its entity (see
 * PersonDataStore). The Scan reads every item of the table with a consistent read, and keeps the
 * ones `names` matches; docs/privacy.md says how long that takes and where it stops being fine.
 */
export const dynamoPersonDataStore = (client: DocumentClient, tableName: () => string, scanSegments = defaultScanSegments): PersonDataStore => {
  const queryAll = async (input: { IndexName?: string; KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> }): Promise<RawItem[]> => {
    const items: RawItem[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };

  const scanSegment = async (segment: number, names: (item: StoredItem) => boolean): Promise<StoredItem[]> => {
    const found: StoredItem[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: tableName(), Segment: segment, TotalSegments: scanSegments, ConsistentRead: true, ExclusiveStartKey: start }));
      for (const raw of page.Items ?? []) {
        const item = storedItem(raw);
        if (names(item)) found.push(item);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return found;
  };

  return {
    async find(person, names) {
      // The person's own partitions and invitations by key: found whatever the matching says, and
      // the Scan below finds them too (merged by key). The Scan finds everything else that names them.
      const [own, address, invited, ...scanned] = await Promise.all([
        queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': userKey(person.userId).pk } }),
        person.email ? queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': emailKey(person.email).pk } }) : [],
        queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': invitedPartition(person.userId) } }),
        ...Array.from({ length: scanSegments }, (_, segment) => scanSegment(segment, names)),
      ]);
      const byKey = new Map<string, StoredItem>();
      for (const item of [...scanned.flat(), ...[...own, ...address, ...invited].map(storedItem)]) {
        if (!byKey.has(keyText(item.key))) byKey.set(keyText(item.key), item);
      }
      return [...byKey.values()];
    },

    async get(key) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
      return Item ? storedItem(Item) : undefined;
    },

    delete: (item) => new TableWrite(`erasure: delete ${keyText(item.key)}`, { Delete: { TableName: tableName(), Key: item.key } }),

    rewrite(read, next) {
      const changed = Object.keys(next).filter((name) => !(name in read.attributes) || !same(read.attributes[name], next[name]));
      const removed = Object.keys(read.attributes).filter((name) => !(name in next));
      const update = updateExpression(Object.fromEntries(changed.map((name) => [name, next[name]])), removed);
      // Each attribute rewritten must still hold what was read (absent where it was absent).
      const names: Record<string, string> = { '#ck': tableDefinition.partitionKey };
      const values: Record<string, unknown> = {};
      const conditions = ['attribute_exists(#ck)'];
      [...changed, ...removed].forEach((name, i) => {
        names[`#c${i}`] = name;
        if (name in read.attributes) {
          values[`:c${i}`] = read.attributes[name];
          conditions.push(`#c${i} = :c${i}`);
        } else conditions.push(`attribute_not_exists(#c${i})`);
      });
      const ExpressionAttributeValues = { ...update.ExpressionAttributeValues, ...values };
      return new TableWrite(
        `erasure: rewrite ${keyText(read.key)}`,
        {
          Update: {
            TableName: tableName(),
            Key: read.key,
            UpdateExpression: update.UpdateExpression,
            ConditionExpression: conditions.join(' AND '),
            ExpressionAttributeNames: { ...update.ExpressionAttributeNames, ...names },
            ...(Object.keys(ExpressionAttributeValues).length > 0 ? { ExpressionAttributeValues } : {}),
          },
        },
        () => new ConflictError(`${keyText(read.key)} changed while the person was being erased`, 'Erase again: it finishes what is left'),
      );
    },

    async erasure(userId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName(), Key: erasureKey(userId), ConsistentRead: true }));
      return Item ? ErasureRecord.parse(Item) : undefined;
    },

    recordErasure: (record) =>
      new TableWrite(
        `erasure of ${record.userId}`,
        { Put: { TableName: tableName(), Item: { ...erasureKey(record.userId), entity: 'erasure', ...record }, ConditionExpression: 'attribute_not_exists(pk)' } },
        () => new ConflictError('The person was erased by someone else meanwhile', 'Erase again to read what was done'),
      ),

    erasureKeyText: (userId) => keyText(erasureKey(userId)),
  };
};

