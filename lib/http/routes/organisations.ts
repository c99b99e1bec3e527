import { OrganisationView } from '../../services/views.js';
import { BillingBody } from '../schemas/offers.js';
import { OrganisationPath, SettingsBody } from '../schemas/queues.js';
import { routeTable, type RouteEntries } from '../route.js';

/** Organisations: their settings and billing details. */
export const organisationRoutes = routeTable({
  getOrganisation: {
    method: 'GET',
    path: '/orgs/{orgId}',
    summary: 'An organisation and its settings',
    tag: 'organisations',
    status: 200,
    schemas: { path: OrganisationPath, response: OrganisationView },
    access: { table: 'read' },
    refusals: { 404: 'the organisation is not there, or not the caller’s to see' },
  },
  updateOrganisationSettings: {
    method: 'PATCH',
    path: '/orgs/{orgId}/settings',
    summary: 'Change an organisation’s settings (its admins, agency admins)',
    tag: 'organisations',
    status: 200,
    schemas: { path: OrganisationPath, body: SettingsBody, response: OrganisationView },
    access: { table: 'readWrite' },
    refusals: {
      403: 'only the organisation’s admins and the agency’s admins change its settings',
      404: 'the organisation is not there, or not the caller’s to see',
      409: 'the settings changed while they were being edited',
    },
  },
  setBilling: {
    method: 'PUT',
    path: '/orgs/{orgId}/billing',
    summary: 'Set the billing details an organisation’s orders state (its admins, agency admins)',
    tag: 'organisations',
    status: 200,
    schemas: { path: OrganisationPath, body: BillingBody, response: OrganisationView },
    access: { table: 'readWrite' },
    refusals: {
      400: 'a field is invalid, e.g. an IČO whose check digit is wrong',
      403: 'only the organisation’s admins and the agency’s admins set its billing details',
      404: 'the organisation is not there, or not the caller’s to see',
    },
  },
} satisfies RouteEntries);
