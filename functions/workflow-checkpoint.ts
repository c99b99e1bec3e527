import { serviceDeps } from '../lib/wiring/service-deps.js';
import { createFunctionHandler } from '../lib/lambda/create-function-handler.js';
import { functions } from '../lib/lambda/table.js';
import { reviewReminderDaysFromEnvironment } from '../lib/config/review-reminders.js';
import { checkpoint } from '../lib/services/workflow/workflow-tasks.js';
import type { CheckpointDeps } from '../lib/services/ports/deps.js';

const deps: CheckpointDeps = { ...serviceDeps, reviewReminderDays: reviewReminderDaysFromEnvironment() };

export const handler = createFunctionHandler(functions.workflowCheckpoint)(({ event }) => checkpoint(deps, event));
