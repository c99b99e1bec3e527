import { createHash } from 'node:crypto';

/**
 * The attachments bucket as AWS S3 behaves, for the requests the attachment routes make: what the
 * local server (s3rver) does not do. It enforces a browser POST's policy (key, exact size, type,
 * every form field signed), evaluates a copy's conditions (`x-amz-copy-source-if-match` on the
 * source, `If-None-Match: *` on the destination: 412 when either fails), and answers a read of a
 * missing key with 403, as S3 does for callers without s3:ListBucket. Path-style addresses only.
 */
export interface S3ObjectModel {
  body: Uint8Array;
  contentType: string;
  etag: string;
}

export interface PostForm {
  url: string;
  fields: Record<string, string>;
}

const etagOf = (body: Uint8Array) => `"${createHash('md5').update(body).digest('hex')}"`;
const decodeKey = (encoded: string) => encoded.split('/').map(decodeURIComponent).join('/');

export const s3Model = (bucket: string, now: () => Date = () => new Date()) => {
  const objects = new Map<string, S3ObjectModel>();
  /** Runs before S3 evaluates a copy's conditions: a test's chance to race it. */
  const hooks: { beforeCopy?: (copyNumber: number) => void | Promise<void> } = {};
  let copies = 0;

  const keyOf = (url: URL) => {
    const [, inBucket, ...rest] = url.pathname.split('/');
    if (inBucket !== bucket) throw new Error(`not this bucket: ${url.pathname}`);
    return decodeKey(rest.join('/'));
  };

  const store = (key: string, body: Uint8Array, contentType: string) => objects.set(key, { body, contentType, etag: etagOf(body) });

  /** A browser's POST of the presigned form with a file, refused (403) where S3 would refuse it. */
  const post = (form: PostForm, body: Uint8Array) => {
    const policy = JSON.parse(Buffer.from(form.fields.Policy ?? '', 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    const signedFields = new Set<string>();
    const holds = policy.conditions.every((condition) => {
      if (Array.isArray(condition)) {
        const [operator, name, value] = condition as [string, string | number, string | number];
        if (operator === 'content-length-range') return body.length >= Number(name) && body.length <= Number(value);
        const field = String(name).replace(/^\$/, '');
        signedFields.add(field.toLowerCase());
        if (operator === 'eq') return form.fields[field] === value;
        if (operator === 'starts-with') return (form.fields[field] ?? '').startsWith(String(value));
        return false;
      }
      return Object.entries(condition as Record<string, string>).every(([name, value]) => {
        signedFields.add(name.toLowerCase());
        return name === 'bucket' ? value === bucket : form.fields[name] === value;
      });
    });
    const unsigned = Object.keys(form.fields).filter((name) => !['policy', 'x-amz-signature'].includes(name.toLowerCase()) && !signedFields.has(name.toLowerCase()));
    if (!holds || unsigned.length > 0 || new Date(policy.expiration) <= now() || !form.fields.key) return { status: 403 };
    store(form.fields.key, body, form.fields['Content-Type'] ?? 'binary/octet-stream');
    return { status: 204 };
  };

  /** What a presigned GET would download. */
  const download = (url: string) => objects.get(keyOf(new URL(url)));

  const fetchModel = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    if (!headers.get('authorization')?.startsWith('AWS4-HMAC-SHA256 Credential=')) return new Response(null, { status: 403 });
    const key = keyOf(url);
    if (method === 'HEAD') {
      const object = objects.get(key);
      if (!object) return new Response(null, { status: 403 });
      return new Response(null, { status: 200, headers: { 'content-length': String(object.body.length), 'content-type': object.contentType, etag: object.etag } });
    }
    if (method === 'PUT' && headers.has('x-amz-copy-source')) {
      copies += 1;
      const racing = hooks.beforeCopy?.(copies);
      if (racing) await racing;
      const [sourceBucket, ...sourceKey] = (headers.get('x-amz-copy-source') ?? '').replace(/^\//, '').split('/');
      const source = sourceBucket === bucket ? objects.get(decodeKey(sourceKey.join('/'))) : undefined;
      if (!source) return new Response('<Error><Code>AccessDenied</Code></Error>', { status: 403 });
      const ifMatch = headers.get('x-amz-copy-source-if-match');
      if (ifMatch !== null && ifMatch !== source.etag) return new Response('<Error><Code>PreconditionFailed</Code></Error>', { status: 412 });
      if (headers.get('if-none-match') === '*' && objects.has(key)) return new Response('<Error><Code>PreconditionFailed</Code></Error>', { status: 412 });
      objects.set(key, { ...source });
      return new Response(`<CopyObjectResult><ETag>${source.etag}</ETag></CopyObjectResult>`, { status: 200 });
    }
    if (method === 'DELETE') {
      objects.delete(key);
      return new Response(null, { status: 204 });
    }
    return new Response('<Error><Code>NotImplemented</Code></Error>', { status: 501 });
  };

  return { objects, hooks, post, download, fetch: fetchModel as typeof fetch };
};
