import * as z from 'zod';
import { EnvName, readEnv } from '../config/env.js';
import { portalUrlOf } from '../config/portal-urls.js';
import type { MailSite } from '../services/ports/mail.js';
import { dynamoMailRecordStore } from '../adapters/dynamodb/mail-record-store.js';
import { documentClient, tableName } from '../adapters/dynamodb/document-client.js';
import { dynamoMailPeopleStore } from '../adapters/dynamodb/mail-people-store.js';
import { dynamoPreferenceStore } from '../adapters/dynamodb/preference-store.js';
import { dynamoSuppressionStore } from '../adapters/dynamodb/suppression-store.js';
import { dynamoThreadStore } from '../adapters/dynamodb/thread-store.js';
import { s3ObjectReader } from '../adapters/s3/object-reader.js';
import { secretValue } from '../adapters/secrets/secrets.js';
import { serviceDeps } from './service-deps.js';
import { sesFromEnvironment, sesMailer } from '../adapters/ses/ses-mailer.js';
import type { NotifierDeps, PreferenceDeps } from '../services/ports/deps.js';

/** The configured URLs and sender, read when first needed (a function without mail access never reads them). */
const site: MailSite = {
  portalUrl: portalUrlOf,
  get apiUrl() {
    return readEnv(EnvName.apiUrl, z.url());
  },
  get mailFrom() {
    return readEnv(EnvName.mailFrom, z.email());
  },
  get inboundDomain() {
    return readEnv(EnvName.inboundDomain, z.hostname());
  },
};

export const preferences = dynamoPreferenceStore(documentClient, tableName);
export const suppressions = dynamoSuppressionStore(documentClient, tableName);

const linkKey = async () => Buffer.from(await secretValue('mail-links'), 'utf8');

/** What the notifier, the parked-mail routes and the link routes need, built once per container. */
export const notifierDeps: NotifierDeps = {
  ...serviceDeps,
  people: dynamoMailPeopleStore(documentClient, tableName),
  mailRecords: dynamoMailRecordStore(documentClient, tableName),
  threads: dynamoThreadStore(documentClient, tableName),
  mailer: sesMailer(sesFromEnvironment),
  // Reads the bucket's name and endpoint when a PDF is wanted: only notify and resend-mail may (orders/ get).
  documents: s3ObjectReader(),
  site,
  linkKey,
  retry: { attempts: 4, baseDelayMs: 200, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
};

/** What the preference and link routes need. */
export const preferenceDeps: PreferenceDeps = { ...serviceDeps, preferences, linkKey, portalUrl: portalUrlOf };
