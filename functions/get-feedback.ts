import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { reviewRoutes } from '../lib/http/routes/review.js';
import { getFeedback } from '../lib/services/review/feedback.js';

export const handler = createHandler(reviewRoutes.getFeedback)(({ identity }) => getFeedback(serviceDeps, identity));
