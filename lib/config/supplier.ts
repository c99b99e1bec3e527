import { Supplier } from '../domain/orders/billing.js';
import { EnvName, jsonText, readEnv } from './env.js';

/** The agency's details as its orders state them, from the stage's configuration. */
export const supplierFromEnvironment = (): Supplier => readEnv(EnvName.supplier, jsonText(Supplier));
