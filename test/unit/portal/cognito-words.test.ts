import { describe, expect, it } from 'vitest';
import { CognitoError } from '../../../portal/src/auth/cognito.js';
import { cognitoSentence } from '../../../portal/src/auth/cognito-words.js';

describe('Cognito’s refusals as sentences', () => {
  it('tells a deactivated person so, in their language, rather than blaming their password', () => {
    const disabled = new CognitoError('NotAuthorizedException', 'User is disabled.');
    expect(cognitoSentence(disabled, 'en', 'sign-in')).toMatch(/access has been deactivated/);
    expect(cognitoSentence(disabled, 'cs', 'sign-in')).toMatch(/přístup byl zrušen/);
  });

  it('tells an invited person their invitation expired', () => {
    const expired = new CognitoError('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.');
    expect(cognitoSentence(expired, 'en', 'sign-in')).toMatch(/invitation has expired.*send it again/);
  });

  it('keeps a wrong password a wrong password', () => {
    expect(cognitoSentence(new CognitoError('NotAuthorizedException', 'Incorrect username or password.'), 'en', 'sign-in')).toMatch(/do not match/);
  });
});
