import * as z from 'zod';

/**
 * Cognito's custom-message trigger event (only what orderdesk reads is checked; the rest is
 * handed back as it came). `clientMetadata` is what AdminCreateUser passed: the platform,
 * request and language of an invitation.
 */
export const CognitoMessageEvent = z.looseObject({
  triggerSource: z.string(),
  userPoolId: z.string().optional(),
  userName: z.string().optional(),
  callerContext: z.looseObject({ clientId: z.string().optional() }).optional(),
  request: z.looseObject({
    userAttributes: z.record(z.string(), z.string()).optional(),
    codeParameter: z.string().optional(),
    usernameParameter: z.string().nullable().optional(),
    clientMetadata: z.record(z.string(), z.string()).nullable().optional(),
  }),
  response: z.looseObject({}).nullable().optional(),
});
export type CognitoMessageEvent = z.infer<typeof CognitoMessageEvent>;

export const CognitoMessageResult = z.looseObject({
  response: z.looseObject({ emailSubject: z.string().nullable().optional(), emailMessage: z.string().nullable().optional() }).nullable().optional(),
});
