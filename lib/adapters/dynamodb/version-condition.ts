/**
 * A write conditional on the item's `version` as read, so two changes decided on the same read
 * can't both land. An item written before it had versions reads as unversioned: it must still be
 * there and still have none.
 */
export const versionCondition = (version: number | undefined) =>
  version === undefined
    ? { ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(version)' }
    : { ConditionExpression: 'version = :read', ExpressionAttributeValues: { ':read': version } };
