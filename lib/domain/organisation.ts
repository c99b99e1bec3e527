import * as z from 'zod';

/** What a client organisation decides for its own people. */
export const OrganisationSettings = z.object({
  membersMayRank: z.boolean().default(false).describe('Members (not only admins) may reorder the organisation’s queue'),
});
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

export const Organisation = z.object({
  orgId: z.string(),
  name: z.string(),
  // Organisations seeded before settings existed read as the defaults.
  settings: OrganisationSettings.default({ membersMayRank: false }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime().optional(),
});
export type Organisation = z.infer<typeof Organisation>;
