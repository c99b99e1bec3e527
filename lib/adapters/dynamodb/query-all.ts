import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { readListed, type RawItem } from './stored-items.js';

/** Every item a Query matches: one call, continued only past DynamoDB's 1 MB page. Unreadable items are logged and left out. */
export const queryAll = async <T>(client: DynamoDBDocumentClient, input: QueryCommandInput, parse: (item: RawItem) => T): Promise<T[]> => {
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
