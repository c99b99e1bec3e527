import { randomUUID } from 'node:crypto';

/** A file a test mail carries; `cid` makes it an inline part the HTML shows (a signature's logo). */
export interface EmlFile {
  fileName: string;
  contentType: string;
  content: Uint8Array | string;
  cid?: string;
}

export interface EmlOptions {
  from: string;
  to: string;
  cc?: string;
  subject?: string;
  text?: string;
  html?: string;
  /** Extra headers, in order, before the MIME ones (e.g. `Auto-Submitted`). */
  headers?: [string, string][];
  files?: EmlFile[];
  messageId?: string;
}

const crlf = '\r\n';
const encodedWord = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`);
const base64Lines = (content: Uint8Array | string) => (Buffer.from(content).toString('base64').match(/.{1,76}/g) ?? []).join(crlf);

const textPart = (type: 'plain' | 'html', content: string) =>
  [`Content-Type: text/${type}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', base64Lines(content)].join(crlf);

const filePart = (file: EmlFile) =>
  [
    `Content-Type: ${file.contentType}; name="${encodedWord(file.fileName)}"`,
    'Content-Transfer-Encoding: base64',
    file.cid ? `Content-ID: <${file.cid}>` : undefined,
    `Content-Disposition: ${file.cid ? 'inline' : 'attachment'}; filename="${encodedWord(file.fileName)}"`,
    '',
    base64Lines(file.content),
  ]
    .filter((line) => line !== undefined)
    .join(crlf);

const multipart = (subtype: string, parts: string[]) => {
  const boundary = `=_${randomUUID()}`;
  return {
    header: `Content-Type: multipart/${subtype}; boundary="${boundary}"`,
    body: [...parts.map((part) => `--${boundary}${crlf}${part}`), `--${boundary}--`, ''].join(crlf),
  };
};

/** A mail as a client sends it (RFC 5322 with MIME, CRLF): text and/or HTML, files, extra headers. */
export const eml = (options: EmlOptions): string => {
  const bodies = [options.text !== undefined ? textPart('plain', options.text) : undefined, options.html !== undefined ? textPart('html', options.html) : undefined].filter(
    (part): part is string => part !== undefined,
  );
  const alternative = bodies.length > 1 ? multipart('alternative', bodies) : undefined;
  const content = alternative ? `${alternative.header}${crlf}${crlf}${alternative.body}` : (bodies[0] ?? textPart('plain', ''));
  const files = options.files ?? [];
  const mixed = files.length > 0 ? multipart('mixed', [content, ...files.map(filePart)]) : undefined;
  const [contentHeaders, body] = mixed ? [mixed.header, mixed.body] : (() => {
    const at = content.indexOf(`${crlf}${crlf}`);
    return [content.slice(0, at), content.slice(at + 4)];
  })();
  return [
    `From: ${options.from}`,
    `To: ${options.to}`,
    ...(options.cc ? [`Cc: ${options.cc}`] : []),
    `Subject: ${encodedWord(options.subject ?? 'Re: [#2026-0042] Nová zpráva')}`,
    `Message-ID: ${options.messageId ?? `<${randomUUID()}@client.example>`}`,
    'Date: Wed, 25 Nov 2026 10:00:00 +0100',
    ...(options.headers ?? []).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    contentHeaders,
    '',
    body,
  ].join(crlf);
};
