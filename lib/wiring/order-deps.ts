import { supplierFromEnvironment } from '../config/supplier.js';
import { stepFunctionsEngine } from '../adapters/sfn/step-functions.js';
import { serviceDeps } from './service-deps.js';
import type { OfferDeps, WorkflowDeps } from '../services/ports/deps.js';

/** Request dependencies plus the workflow engine, for the routes and tasks that wake or start the workflow. */
export const workflowDeps: WorkflowDeps = { ...serviceDeps, engine: stepFunctionsEngine() };

/** Plus the supplier's details (stage configuration), read when an order is made. */
export const offerDeps: OfferDeps = { ...workflowDeps, supplier: supplierFromEnvironment };
