import * as z from 'zod';
import { Language } from './mail/preferences.js';
import { BillingDetails } from './orders/billing.js';
import { Platform } from './platform.js';

/** What a client organisation decides for its own people. */
export const OrganisationSettings = z.object({
  membersMayRank: z.boolean().default(false).describe('Members (not only admins) may reorder the organisation’s queue'),
  membersMayAcceptOffers: z.boolean().default(false).describe('Members (not only admins) may accept offers, which makes them binding orders'),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

export const Organisation = z.object({
  orgId: z.string(),
  name: z.string(),
  // Organisations seeded before these existed read as Azami's, in Czech.
  platform: Platform.default('azami').describe('The platform the client comes from: its mails’ brand and its portal'),
  language: Language.default('cs').describe('The language its people are invited in unless an invitation says otherwise'),
  // Organisations seeded before settings existed read as the defaults.
  settings: OrganisationSettings.default({ membersMayRank: false, membersMayAcceptOffers: false }),
  /** The client's details as its orders state them; required before a priced offer can be accepted. */
  billing: BillingDetails.optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().optional(),
  /** Set while the organisation is deactivated: nobody of it signs in or calls; its records stay. */
  deactivatedAt: z.iso.datetime().optional(),
  /** Bumped by every change of name, platform, language or state (conditional writes). */
  version: z.number().int().nonnegative().optional(),
});
export type Organisation = z.infer<typeof Organisation>;

/** An order states the client's billing details: an organisation without them accepts no priced offer. */
export const mayOrder = <T extends Pick<Organisation, 'billing'>>(organisation: T | undefined): organisation is T & { billing: BillingDetails } =>
  organisation?.billing !== undefined;

/**
 * What a search matches: the name and the IČO, lower case and without diacritics, so that
 * "zelezarstvi" finds "Železářství Novák" and "2712" an IČO with those digits.
 */
export const searchText = (organisation: Pick<Organisation, 'name' | 'billing'>): string =>
  foldForSearch([organisation.name, organisation.billing?.ico ?? ''].join(' ')).trim();

/** Lower case, diacritics removed, whitespace collapsed: how names are compared and sorted. */
export const foldForSearch = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ');
