import type { DocumentClient } from './document-client.js';
import * as z from 'zod';
import { FeedbackScope, FeedbackSummary, type RatingGiven } from '../../domain/review/feedback.js';
import { feedbackKey, feedbackPartition } from './keys.js';
import { queryAll } from './query-all.js';
import type { RawItem } from './stored-items.js';
import { TableWrite } from './table-write.js';
import type { FeedbackStore } from '../../services/ports/review.js';

const starCount = z.number().int().nonnegative().default(0);

/** A summary as stored: the star counts as top-level numbers (`stars1` … `stars5`), which ADD can start from nothing. */
const StoredSummary = z.object({
  scope: FeedbackScope,
  id: z.string(),
  name: z.string(),
  count: z.number().int(),
  total: z.number().int(),
  lastRatedAt: z.string(),
  stars1: starCount,
  stars2: starCount,
  stars3: starCount,
  stars4: starCount,
  stars5: starCount,
});

const parse = (item: RawItem): FeedbackSummary => {
  const { stars1, stars2, stars3, stars4, stars5, ...summary } = StoredSummary.parse(item);
  return FeedbackSummary.parse({ ...summary, stars: { 1: stars1, 2: stars2, 3: stars3, 4: stars4, 5: stars5 } });
};

/**
 * Rating summaries, counted as ratings are given: one ADD per summary in the acceptance's own
 * transaction, so a summary never misses or double-counts an acceptance, and the agency reads
 * every summary with one Query of a small partition (an item per organisation and agency person).
 */
export const dynamoFeedbackStore = (client: DocumentClient, tableName: () => string): FeedbackStore => {
  const count = (scope: FeedbackScope, who: { id: string; name: string }, rating: RatingGiven) =>
    new TableWrite(`rating of ${scope} ${who.id}`, {
      Update: {
        TableName: tableName(),
        Key: feedbackKey(scope, who.id),
        UpdateExpression: 'SET entity = :entity, #scope = :scope, id = :id, #name = :name, lastRatedAt = :at ADD #count :one, #total :rating, #star :one',
        ExpressionAttributeNames: { '#scope': 'scope', '#name': 'name', '#count': 'count', '#total': 'total', '#star': `stars${rating.rating}` },
        ExpressionAttributeValues: { ':entity': 'feedback', ':scope': scope, ':id': who.id, ':name': who.name, ':at': rating.at, ':one': 1, ':rating': rating.rating },
      },
    });
  return {
    add: (rating) => [count('organisation', rating.organisation, rating), count('agent', rating.agent, rating)],
    list: () => queryAll(client, { TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': feedbackPartition } }, parse),
  };
};
