import * as z from 'zod';
import { AttachmentView, DownloadLink, ParticipantView, TimelineEntryView, TimelinePage, UploadTicket } from '../../services/views.js';
import { AttachmentPath, InviteBody, NoContent, PageQuery, ParticipantPath, PostMessageBody, RequestPath, RequestUploadBody } from '../schemas/requests.js';
import { routeTable, type RouteEntries } from '../route.js';

/** A request's discussion: its messages and timeline, its attachments, and the people invited to it. */
export const discussionRoutes = routeTable({
  postMessage: {
    method: 'POST',
    path: '/requests/{requestId}/messages',
    summary: 'Post a message, or (agency staff) an internal note',
    tag: 'communication',
    status: 201,
    idempotent: true,
    schemas: { path: RequestPath, body: PostMessageBody, response: TimelineEntryView },
    access: { table: 'readWrite' },
    refusals: {
      403: 'an internal note or an internal file cited by someone who is not agency staff',
      404: 'the request, or a cited attachment, is not there (or not uploaded)',
      409: 'a cited attachment is not `clean`: still being checked for malware (send again once its `scan` is `clean`), or infected or unreadable (leave it out)',
    },
  },
  listTimeline: {
    method: 'GET',
    path: '/requests/{requestId}/timeline',
    summary: 'Messages and activity of a request in time order, paged',
    tag: 'communication',
    status: 200,
    schemas: { path: RequestPath, query: PageQuery, response: TimelinePage },
    access: { table: 'read' },
  },
  requestUpload: {
    method: 'POST',
    path: '/requests/{requestId}/attachments',
    summary: 'Announce a file: get a presigned upload bound to its name, size and type',
    tag: 'attachments',
    status: 201,
    schemas: { path: RequestPath, body: RequestUploadBody, response: UploadTicket },
    // The presigned POST acts with this function's rights: the ticket can write under uploads/ only.
    access: { table: 'readWrite', bucket: { 'uploads/': ['put'] } },
    refusals: { 403: 'an internal file announced by someone who is not agency staff' },
  },
  confirmUpload: {
    method: 'POST',
    path: '/requests/{requestId}/attachments/{attachmentId}/confirm',
    summary: 'Confirm an upload once the file is stored; it then belongs to the request',
    tag: 'attachments',
    status: 200,
    schemas: { path: AttachmentPath, response: AttachmentView },
    // HEADs the upload, copies it once to orgs/ (HEADing that key if the copy is refused), removes the upload.
    access: { table: 'readWrite', bucket: { 'uploads/': ['get', 'delete'], 'orgs/': ['get', 'put'] } },
    refusals: {
      403: 'only the person who announced the file confirms it',
      404: 'the request or the attachment is not there, or not the caller’s to see',
      409: 'the upload expired, has not arrived, is not the file announced (size or type), or was confirmed already',
    },
  },
  listAttachments: {
    method: 'GET',
    path: '/requests/{requestId}/attachments',
    summary: 'The confirmed attachments of a request, each with its malware scan’s state (`scan`: only `clean` ones can be downloaded or cited)',
    tag: 'attachments',
    status: 200,
    schemas: { path: RequestPath, response: z.array(AttachmentView) },
    access: { table: 'read' },
  },
  downloadAttachment: {
    method: 'GET',
    path: '/requests/{requestId}/attachments/{attachmentId}',
    summary: 'A short-lived download link for one attachment the malware scan found `clean`',
    tag: 'attachments',
    status: 200,
    schemas: { path: AttachmentPath, response: DownloadLink },
    // The presigned GET acts with this function's rights: confirmed files only.
    access: { table: 'read', bucket: { 'orgs/': ['get'] } },
    refusals: {
      404: 'the request or the attachment is not there, or not the caller’s to see (an internal file, for a client)',
      409:
        'the file is not confirmed yet, or not `clean`: `pending` (being checked for malware: try again in a minute), `infected` (it contains malware and was removed from reach: ask for a clean copy) or `failed` (it could not be checked, e.g. an encrypted archive: ask for an unencrypted copy); `error.message` says which, `error.next` what to do',
    },
  },
  inviteParticipant: {
    method: 'POST',
    path: '/requests/{requestId}/participants',
    summary: 'Invite a person by e-mail to this request only (client admin, agency staff)',
    tag: 'people',
    status: 201,
    schemas: { path: RequestPath, body: InviteBody, response: ParticipantView },
    access: { table: 'readWrite', userPool: ['AdminCreateUser', 'AdminGetUser'] },
    refusals: {
      403: 'only the client admin and agency staff invite people',
      409: 'the person sees the request already (agency staff, the client organisation, or invited before)',
    },
  },
  listParticipants: {
    method: 'GET',
    path: '/requests/{requestId}/participants',
    summary: 'The people invited to a request',
    tag: 'people',
    status: 200,
    schemas: { path: RequestPath, response: z.array(ParticipantView) },
    access: { table: 'read' },
  },
  removeParticipant: {
    method: 'DELETE',
    path: '/requests/{requestId}/participants/{userId}',
    summary: 'End a participant’s access at once (or leave, for the participant)',
    tag: 'people',
    status: 204,
    schemas: { path: ParticipantPath, response: NoContent },
    access: { table: 'readWrite' },
    refusals: {
      403: 'only the client admin and agency staff remove others (participants may leave)',
      404: 'the request, or the participant on it, is not there',
    },
  },
} satisfies RouteEntries);
