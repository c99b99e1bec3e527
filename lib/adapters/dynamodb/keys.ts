/** Key builders: the one place that knows how items are addressed (see table-definition.ts). */
export const userKey = (userId: string) => ({ pk: `USER#${userId}`, sk: 'PROFILE' });
export const emailKey = (email: string) => ({ pk: `EMAIL#${email.toLowerCase()}`, sk: 'EMAIL' });
export const orgKey = (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'PROFILE' });
export const orgMembersIndexKey = (orgId: string, email: string) => ({
  gsi1pk: `ORG#${orgId}#MEMBERS`,
  gsi1sk: email.toLowerCase(),
});
