import { logger } from '../../observability/logger.js';

export type RawItem = Record<string, unknown>;

/**
 * A list reader's answer to a stored item that does not parse (written by an older or buggy
 * version, or edited by hand): the item is left out of the answer and logged as an error with its
 * key and the problems found, so an alarm on error logs finds it; the rest of the list is served.
 * One bad item never breaks a whole queue or page.
 */
export const readListed =
  <T>(parse: (item: RawItem) => T) =>
  (item: RawItem): T | undefined => {
    try {
      return parse(item);
    } catch (error) {
      logger.error('unreadable item left out of a list', { pk: item.pk, sk: item.sk, entity: item.entity, error });
      return undefined;
    }
  };
