import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/** Every item a Query matches: one call, continued only past DynamoDB's 1 MB page. */
export const queryAll = async <T>(client: DynamoDBDocumentClient, input: QueryCommandInput, parse: (item: Record<string, unknown>) => T): Promise<T[]> => {
  const items: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).map(parse));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
};
