import type { Platform } from '../domain/platform.js';

/**
 * The two platforms' looks. A request's platform decides the branding of its mail. The portal
 * URL differs per deployment (local, staging, production), so it is configuration, joined to
 * the static part by `brandOf`.
 */
export interface Brand {
  platform: Platform;
  /** Display name, e.g. in the header and the footer. */
  name: string;
  /** The From display name. */
  senderName: string;
  colors: {
    /** Header and button background; white text stands on it. */
    primary: string;
    /** A thin band under the header and small highlights. */
    accent: string;
    /** Body text. */
    text: string;
    /** The page around the card. */
    background: string;
  };
  portalUrl: string;
}

export type StaticBrand = Omit<Brand, 'portalUrl'>;

/** Both primaries keep white text above WCAG AA (4.5:1); both texts are near-black on white. */
export const brands: Record<Platform, StaticBrand> = {
  // Azami is the Japanese thistle: a deep thistle purple with a warm gold accent.
  azami: {
    platform: 'azami',
    name: 'Azami',
    senderName: 'Azami Helpdesk',
    colors: { primary: '#5b2a6e', accent: '#d8a031', text: '#1f1a24', background: '#f4f1f6' },
  },
  // Digimadi: a deep teal with a coral accent.
  digimadi: {
    platform: 'digimadi',
    name: 'Digimadi',
    senderName: 'Digimadi Helpdesk',
    colors: { primary: '#0b5563', accent: '#ef7b5a', text: '#17242a', background: '#eef4f5' },
  },
};

/** A platform's brand with the portal of this deployment (e.g. from the environment). */
export const brandOf = (platform: Platform, portalUrl: string): Brand => ({ ...brands[platform], colors: { ...brands[platform].colors }, portalUrl });
