import * as z from 'zod';

export const OpenApiResponse = z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) });
