import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Role } from '../../lib/domain/roles.js';
import { localCredentials, localRegion } from '../../local/local-aws.js';
import { localDocumentClient } from '../../local/local-table.js';
import { provisionOrganisation, type NewPerson } from '../../local/provision.js';
import { asPerson, type Client } from './api-client.js';

/** The SDK's DynamoDB client of the local stack, for reading the table raw, as DynamoDB JSON. */
export const localDynamo = () =>
  new DynamoDBClient({ endpoint: inject('stack').dynamodbUrl, region: localRegion, credentials: localCredentials });

/** The functions' own DynamoDB client (document-client.ts) on the local stack's table: for stores and fixtures. */
export const documents = () => localDocumentClient(inject('stack').dynamodbUrl);

/**
 * A client organisation of its own with an admin and a member (see local/provision.ts). Queue
 * tests use one each, so that requests other tests file into Acme never change the order they check.
 */
export const freshOrganisation = async (
  label = 'Queue',
): Promise<{ orgId: string; admin: Client; member: Client; emails: { admin: string; member: string }; passwords: { admin: string; member: string } }> => {
  const suffix = randomUUID().slice(0, 8);
  const orgId = `org-${label.toLowerCase()}-${suffix}`;
  const person = (role: Role, name: string): NewPerson => ({ email: `${role}.${suffix}@${label.toLowerCase()}.example`, name, password: `Fresh-${role}-1`, role });
  const people = [person('client_admin', 'Alena Admin'), person('client_member', 'Milan Member')] as const;
  await provisionOrganisation(inject('stack'), { orgId, name: `${label} ${suffix}` }, people);
  const logIn = (p: NewPerson) => asPerson(p.email, p.password);
  const [admin, member] = await Promise.all([logIn(people[0]), logIn(people[1])]);
  return { orgId, admin, member, emails: { admin: people[0].email, member: people[1].email }, passwords: { admin: people[0].password, member: people[1].password } };
};
