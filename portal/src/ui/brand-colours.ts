import { brands } from '../../../lib/mail/brands.js';
import type { Platform } from '../../../lib/domain/platform.js';

/**
 * A brand's colours as the CSS variables the style sheet uses, set through the CSSOM (which the
 * CSP allows; an inline `style` attribute it does not): on the page for the portal's own brand,
 * and on a preview for the brand of the request it belongs to.
 */
export const applyBrandColours = (style: CSSStyleDeclaration, platform: Platform) => {
  const { colors } = brands[platform];
  style.setProperty('--primary', colors.primary);
  style.setProperty('--accent', colors.accent);
  style.setProperty('--text', colors.text);
  style.setProperty('--background', colors.background);
};
