import { peopleDeps } from '../lib/wiring/people-deps.js';
import { createHandler } from '../lib/http/create-handler.js';
import { peopleRoutes } from '../lib/http/routes/people.js';
import { reactivatePerson } from '../lib/services/people/people.js';

export const handler = createHandler(peopleRoutes.reactivatePerson)(({ identity, path }) => reactivatePerson(peopleDeps, identity, path.userId));
