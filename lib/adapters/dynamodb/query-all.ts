import { QueryCommand, type DocumentClient, type QueryCommandInput } from './document-client.js';
import { readListed, type RawItem } from './stored-items.js';

/** Every item a Query matches: one call, continued only past DynamoDB's 1 MB page. Unreadable items are logged and left out. */
export const queryAll = async <T>(client: DocumentClient, input: QueryCommandInput, parse: (item: RawItem) => T): Promise<T[]> => {
  const items: T[] = [];
  const read = readListed(parse);
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    for (const raw of page.Items ?? []) {
      const item = read(raw);
      if (item !== undefined) items.push(item);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};

/** Every item of one kind in an item collection: the partition `pk`, sort keys starting with `prefix`. */
export const queryPrefix = <T>(client: DocumentClient, TableName: string, pk: string, prefix: string, parse: (item: RawItem) => T): Promise<T[]> =>
  queryAll(client, { TableName, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix } }, parse);
