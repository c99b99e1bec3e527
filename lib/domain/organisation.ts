import * as z from 'zod';
import { BillingDetails } from './orders/billing.js';

/** What a client organisation decides for its own people. */
export const OrganisationSettings = z.object({
  membersMayRank: z.boolean().default(false).describe('Members (not only admins) may reorder the organisation’s queue'),
  membersMayAcceptOffers: z.boolean().default(false).describe('Members (not only admins) may accept offers, which makes them binding orders'),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

export const Organisation = z.object({
  orgId: z.string(),
  name: z.string(),
  // Organisations seeded before settings existed read as the defaults.
  settings: OrganisationSettings.default({ membersMayRank: false, membersMayAcceptOffers: false }),
  /** The client's details as its orders state them; required before a priced offer can be accepted. */
  billing: BillingDetails.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().optional(),
});
export type Organisation = z.infer<typeof Organisation>;

/** An order states the client's billing details: an organisation without them accepts no priced offer. */
export const mayOrder = <T extends Pick<Organisation, 'billing'>>(organisation: T | undefined): organisation is T & { billing: BillingDetails } =>
  organisation?.billing !== undefined;
