import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import { fieldProblems, PayloadTooLargeError, ValidationError, type FieldProblem } from '../domain/errors.js';
import type { RouteSchemas } from './route.js';

/** JSON bodies above this are refused before parsing; files go to S3 through presigned URLs. */
export const maxJsonBodyBytes = 256 * 1024;

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;
export interface ParsedRequest<S extends RouteSchemas> {
  path: Infer<S['path']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
}

/** The body's bytes as the client sent them (API Gateway base64-encodes bodies that are not text). */
const bodyBytes = (event: APIGatewayProxyEventV2): Buffer =>
  event.body === undefined ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');

const decodeJson = (bytes: Buffer, event: APIGatewayProxyEventV2): unknown => {
  if (bytes.length === 0) return undefined;
  const text = bytes.toString('utf8');
  const contentType = event.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new ValidationError([{ field: 'headers.content-type', reason: 'must be application/json' }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new ValidationError([{ field: 'body', reason: 'is not valid JSON' }], { cause });
  }
};

/**
 * Validates path, query and body against the route's schemas, all problems reported at once.
 * With `rawBody`, the body's bytes come back too; without a body schema as well, the body is
 * not parsed at all: it is the handler's to read.
 */
export const parseRequest = <S extends RouteSchemas>(
  schemas: S,
  event: APIGatewayProxyEventV2,
  options: { rawBody?: boolean } = {},
): ParsedRequest<S> & { rawBody?: Buffer } => {
  const bytes = bodyBytes(event);
  if (bytes.length > maxJsonBodyBytes) throw new PayloadTooLargeError(maxJsonBodyBytes);
  const problems: FieldProblem[] = [];
  const check = (location: string, schema: z.ZodType | undefined, value: unknown): unknown => {
    if (!schema) {
      const present = value !== undefined && !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);
      if (present) problems.push({ field: location, reason: 'is not accepted by this route' });
      return undefined;
    }
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(...fieldProblems(location, result.error));
    return undefined;
  };
  const path = check('path', schemas.path, event.pathParameters ?? {});
  const query = check('query', schemas.query, event.queryStringParameters ?? {});
  const body = options.rawBody && !schemas.body ? undefined : check('body', schemas.body, decodeJson(bytes, event));
  if (problems.length > 0) throw new ValidationError(problems);
  return { ...({ path, query, body } as ParsedRequest<S>), ...(options.rawBody ? { rawBody: bytes } : {}) };
};
