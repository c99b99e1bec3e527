import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { routes } from '../lib/http/routes.js';
import { getFeedback } from '../lib/services/review/feedback.js';

export const handler = createHandler(routes.getFeedback)(({ identity }) => getFeedback(serviceDeps, identity));
