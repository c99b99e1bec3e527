import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { getPerson } from '../lib/services/people/people.js';

export const handler = createHandler(peopleRoutes.getPerson)(({ identity, path }) => getPerson(peopleDeps, identity, path.userId));
