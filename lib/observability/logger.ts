import { Logger } from '@aws-lambda-powertools/logger';

/** The one logger of the runtime code. Level and service come from POWERTOOLS_LOG_LEVEL and
 * POWERTOOLS_SERVICE_NAME, which the function construct (or the local stack) sets. */
export const logger = new Logger({ serviceName: 'orderdesk' });
