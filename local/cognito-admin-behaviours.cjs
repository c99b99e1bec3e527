// People management calls Cognito to deactivate a person (AdminDisableUser, then
// AdminUserGlobalSignOut) and to invite them again (AdminCreateUser with MessageAction RESEND);
// an invitation's temporary password lapses after the pool's TemporaryPasswordValidityDays. In AWS
// Cognito does all of this; cognito-local (5.x) does not: it has no AdminUserGlobalSignOut, throws
// on RESEND, lets a disabled user sign in and refresh, never expires a temporary password, and
// answers a FORCE_CHANGE_PASSWORD user's sign-in with the new-password challenge whatever password
// was given (and takes any Session string as an answer to it). `addAdminBehaviours` replaces or
// wraps entries of cognito-local's target table so that it answers as AWS documents; a wrong
// password is then NotAuthorizedException for everyone, as in AWS, where cognito-local answered
// InvalidPasswordException (the portal reads both as wrong credentials). The Router
// looks a target up in the table on every request (lib/server/Router.js), and `isSupportedTarget`
// (lib/targets/Target.js) reads the table's keys then too, so a target added here is served; the
// entry still checks that, so an upgrade that changes it fails at start and not in a test.
'use strict';
const crypto = require('node:crypto');
const { businessNow } = require('./cognito-business-clock.cjs');

/** The business time of a user's invitation (creation, or last RESEND), ISO, on cognito-local's user record. */
const invitedAtField = 'OrderdeskInvitedAt';

const dayMs = 24 * 60 * 60 * 1000;

/** AWS's answers, word for word. */
const answers = {
  incorrect: 'Incorrect username or password.',
  disabled: 'User is disabled.',
  expired: 'Temporary password has expired and must be reset by an administrator.',
  noUser: 'User does not exist.',
  invalidSession: 'Invalid session for the user.',
  expiredSession: 'Invalid session for the user, session is expired.',
  resendState: (username) => `Resend not possible. ${username} status is not FORCE_CHANGE_PASSWORD`,
};

/** How long a challenge's Session is good for: an app client's AuthSessionValidity, 3 minutes unless it says. */
const defaultSessionMinutes = 3;

/** As adminCreateUser.js makes a temporary password (6 characters of this alphabet). */
const passwordAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!';
const newTemporaryPassword = () => Array.from({ length: 6 }, () => passwordAlphabet[crypto.randomInt(passwordAlphabet.length)]).join('');

/**
 * The pool's TemporaryPasswordValidityDays; older pools' AdminCreateUserConfig.UnusedAccountValidityDays
 * until that is set, as AWS documents; 7 (cognito-local's default pool, and AWS's) otherwise.
 */
const validityDays = (options) =>
  options?.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ?? options?.AdminCreateUserConfig?.UnusedAccountValidityDays ?? 7;

/** When the user was invited: our field, or, for a user created before this patch, its creation (stored as a Date or its ISO text). */
const invitedAt = (user) => Date.parse(user[invitedAtField] ?? '') || new Date(user.UserCreateDate).getTime();

/**
 * Where an invitation goes: adminCreateUser.js's own choice (SMS if asked and the user has a
 * phone number, else e-mail if asked and they have an address), which it does not export.
 */
const deliveryFor = (desiredMediums, user, attributeValue) => {
  const phone = desiredMediums.includes('SMS') ? attributeValue('phone_number', user.Attributes) : undefined;
  if (phone) return { AttributeName: 'phone_number', DeliveryMedium: 'SMS', Destination: phone };
  const email = desiredMediums.includes('EMAIL') ? attributeValue('email', user.Attributes) : undefined;
  if (email) return { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email };
  return null;
};

/**
 * The challenge Sessions this server handed out (InitiateAuth, RespondToAuthChallenge), by
 * Session: for which pool, user and challenge, and until when. In memory: a restart ends them, as
 * an AWS session ends within minutes anyway. Measured on the wall clock, not business time: a
 * session lasts minutes of a person typing, and a day-per-minute clock would end it in a blink.
 */
const createSessions = () => {
  const issued = new Map();
  return {
    remember(result, userPoolId, minutes) {
      const username = result?.ChallengeParameters?.USER_ID_FOR_SRP;
      if (!result?.Session || !result.ChallengeName || !username) return;
      const now = Date.now();
      for (const [session, entry] of issued) if (entry.expiresAt < now) issued.delete(session);
      issued.set(result.Session, { userPoolId, username, challenge: result.ChallengeName, expiresAt: now + minutes * 60_000 });
    },
    /** Throws NotAuthorizedException unless `session` was handed out for this user's `challenge` and is still good. */
    check(session, userPoolId, username, challenge, NotAuthorizedError) {
      const entry = issued.get(session);
      if (!entry || entry.userPoolId !== userPoolId || entry.username !== username || entry.challenge !== challenge) {
        throw new NotAuthorizedError(answers.invalidSession);
      }
      if (entry.expiresAt < Date.now()) {
        issued.delete(session);
        throw new NotAuthorizedError(answers.expiredSession);
      }
    },
    forget(session) {
      issued.delete(session);
    },
  };
};

/**
 * Patches cognito-local's target table. `fromCognitoLocal` requires its modules; `clockFile` is
 * the stack's business clock anchor (see cognito-business-clock.cjs), or undefined for the wall clock.
 */
exports.addAdminBehaviours = (fromCognitoLocal, { clockFile } = {}) => {
  const { Targets } = fromCognitoLocal('./lib/targets/targets.js');
  const { CognitoError, NotAuthorizedError, UserNotFoundError, InvalidParameterError } = fromCognitoLocal('./lib/errors.js');
  const { attributeValue } = fromCognitoLocal('./lib/services/userPoolService.js');
  const { userToResponseObject } = fromCognitoLocal('./lib/targets/responses.js');
  const original = {};
  for (const name of ['AdminCreateUser', 'AdminSetUserPassword', 'InitiateAuth', 'AdminInitiateAuth', 'RespondToAuthChallenge']) {
    if (typeof Targets[name] !== 'function') throw new Error(`cognito-local has no ${name} target to patch: was it upgraded?`);
    original[name] = Targets[name];
  }
  const invitationTime = () => new Date(businessNow(clockFile)).toISOString();
  const temporaryPasswordExpired = (userPool, user) => businessNow(clockFile) - invitedAt(user) > validityDays(userPool.options) * dayMs;
  const sessions = createSessions();
  const sessionMinutes = async (services, ctx, clientId) =>
    (await services.cognito.getAppClient(ctx, clientId))?.AuthSessionValidity ?? defaultSessionMinutes;

  /** AdminUserGlobalSignOut: every refresh token of the user ends (cognito-local keeps them on the user); `{}`. */
  Targets.AdminUserGlobalSignOut =
    ({ cognito }) =>
    async (ctx, req) => {
      const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
      const user = await userPool.getUserByUsername(ctx, req.Username);
      if (!user) throw new UserNotFoundError(answers.noUser);
      await userPool.saveUser(ctx, { ...user, RefreshTokens: [] });
      return {};
    };

  /**
   * AdminCreateUser with RESEND, on a user waiting for their first sign-in: a new temporary
   * password (TemporaryPassword, else cognito-local's CODE, else a new one, as its create does),
   * the invitation's clock restarted, and the invitation sent again through cognito-local's own
   * messages service, as on creation: the CustomMessage trigger runs as CustomMessage_AdminCreateUser
   * with the request's ClientMetadata. Nowhere to send it: refused before anything changes.
   */
  const resendInvitation =
    ({ cognito, clock, messages }) =>
    async (ctx, req) => {
      const userPool = await cognito.getUserPool(ctx, req.UserPoolId);
      const existing = await userPool.getUserByUsername(ctx, req.Username);
      if (!existing) throw new UserNotFoundError(answers.noUser);
      if (existing.UserStatus !== 'FORCE_CHANGE_PASSWORD') {
        throw new CognitoError('UnsupportedUserStateException', answers.resendState(existing.Username));
      }
      const delivery = deliveryFor(req.DesiredDeliveryMediums ?? ['SMS'], existing, attributeValue);
      if (!delivery) throw new InvalidParameterError('User has no attribute matching desired delivery mediums');
      const temporaryPassword = req.TemporaryPassword ?? process.env.CODE ?? newTemporaryPassword();
      const user = { ...existing, Password: temporaryPassword, UserLastModifiedDate: clock.get(), [invitedAtField]: invitationTime() };
      await userPool.saveUser(ctx, user);
      await messages.deliver(ctx, 'AdminCreateUser', null, userPool.options.Id, user, temporaryPassword, req.ClientMetadata, delivery);
      return { User: userToResponseObject(user) };
    };

  /** The services, but every user the call saves carries its invitation's business time. */
  const stampingInvitations = (services, at) => ({
    ...services,
    cognito: Object.assign(Object.create(services.cognito), {
      getUserPool: async (ctx, userPoolId) => {
        const userPool = await services.cognito.getUserPool(ctx, userPoolId);
        return Object.assign(Object.create(userPool), { saveUser: (c, user) => userPool.saveUser(c, { ...user, [invitedAtField]: at }) });
      },
    }),
  });

  Targets.AdminCreateUser = (services) => async (ctx, req) =>
    req.MessageAction === 'RESEND'
      ? resendInvitation(services)(ctx, req)
      : original.AdminCreateUser(stampingInvitations(services, invitationTime()))(ctx, req);

  /** A temporary password an administrator sets is good for the pool's validity from then, as a new invitation's. */
  Targets.AdminSetUserPassword = (services) => async (ctx, req) =>
    original.AdminSetUserPassword(req.Permanent ? services : stampingInvitations(services, invitationTime()))(ctx, req);

  /**
   * Refuses a sign-in as AWS would before cognito-local answers it: a wrong password (before any
   * challenge, and, as AWS, before telling that the user is disabled), a disabled user, an
   * invitation older than the pool's validity. A refresh token of a disabled user is refused too.
   * An unknown user is left to cognito-local (its UserMigration trigger, its own refusal).
   */
  const refuseSignIn = async (services, ctx, req) => {
    const parameters = req.AuthParameters;
    if (!parameters || !req.ClientId) return;
    if (['USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH'].includes(req.AuthFlow) && parameters.USERNAME) {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, parameters.USERNAME);
      if (!user) return;
      // A user an administrator sent to reset their password has none to check: cognito-local says so.
      if (user.UserStatus !== 'RESET_REQUIRED' && user.Password !== parameters.PASSWORD) throw new NotAuthorizedError(answers.incorrect);
      if (user.Enabled === false) throw new NotAuthorizedError(answers.disabled);
      if (user.UserStatus === 'FORCE_CHANGE_PASSWORD' && temporaryPasswordExpired(userPool, user)) throw new NotAuthorizedError(answers.expired);
    } else if (['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'].includes(req.AuthFlow) && parameters.REFRESH_TOKEN) {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByRefreshToken(ctx, parameters.REFRESH_TOKEN);
      if (user?.Enabled === false) throw new NotAuthorizedError(answers.disabled);
    }
  };

  /** A sign-in, refused as above, then cognito-local's; a challenge's Session is remembered for its answer. */
  const signIn = (name) => (services) => async (ctx, req) => {
    await refuseSignIn(services, ctx, req);
    const result = await original[name](services)(ctx, req);
    if (result?.Session) {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      sessions.remember(result, userPool.options.Id, await sessionMinutes(services, ctx, req.ClientId));
    }
    return result;
  };
  Targets.InitiateAuth = signIn('InitiateAuth');
  Targets.AdminInitiateAuth = signIn('AdminInitiateAuth');

  /**
   * An answer to a challenge: refused for a disabled user, and unless its Session is one this
   * server handed out for that user and challenge, still good; a Session answers once.
   */
  Targets.RespondToAuthChallenge = (services) => async (ctx, req) => {
    const username = req.ChallengeResponses?.USERNAME;
    if (username && req.Session && req.ClientId) {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      const user = await userPool.getUserByUsername(ctx, username);
      if (user?.Enabled === false) throw new NotAuthorizedError(answers.disabled);
      if (user) sessions.check(req.Session, userPool.options.Id, user.Username, req.ChallengeName, NotAuthorizedError);
    }
    const result = await original.RespondToAuthChallenge(services)(ctx, req);
    sessions.forget(req.Session);
    if (result?.Session) {
      const userPool = await services.cognito.getUserPoolForClientId(ctx, req.ClientId);
      sessions.remember(result, userPool.options.Id, await sessionMinutes(services, ctx, req.ClientId));
    }
    return result;
  };
};
