import { beforeEach, describe, expect, it } from 'vitest';
import { sesIdentities } from '../../lib/senders/ses-identities.gateway.ts';
import {
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  SesClient,
} from '../../lib/shared/aws/sesv2.ts';
import { ConflictError, TransientError, ValidationError } from '../../lib/shared/errors.ts';
import { awsError, mockSesClient } from '../support/mock-aws-client.ts';

const ses = mockSesClient();
const identities = sesIdentities(
  new SesClient({
    region: 'us-east-1',
    url: 'https://email.us-east-1.amazonaws.com',
    credentials: () => ({ accessKeyId: 'a', secretAccessKey: 's' }),
  }),
);

describe('the SES identity gateway on SES failures', () => {
  beforeEach(() => ses.reset());

  it('turns SES throttling into a retryable error', async () => {
    ses.on(CreateEmailIdentityCommand).rejects(awsError('TooManyRequestsException', 'Too many requests'));
    await expect(identities.create('brand.example', 'ws_one')).rejects.toBeInstanceOf(TransientError);
    ses.on(GetEmailIdentityCommand).rejects(awsError('TooManyRequestsException', 'Too many requests'));
    await expect(identities.get('brand.example')).rejects.toBeInstanceOf(TransientError);
  });

  it('names the domain when SES refuses it', async () => {
    ses.on(CreateEmailIdentityCommand).rejects(awsError('BadRequestException', 'Invalid domain'));
    const error = await identities.create('brand.example', 'ws_one').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error instanceof ValidationError ? error.issues : []).toEqual([
      { path: 'domain', message: 'Invalid domain' },
    ]);
  });

  it('refuses an identity that exists without this workspace’s tag (another workspace’s, or made outside ecrm)', async () => {
    ses.on(CreateEmailIdentityCommand).rejects(awsError('AlreadyExistsException', 'exists'));
    ses.on(GetEmailIdentityCommand).resolves({ VerifiedForSendingStatus: true, Tags: [] });
    await expect(identities.create('brand.example', 'ws_one')).rejects.toBeInstanceOf(ConflictError);
    ses.on(GetEmailIdentityCommand).resolves({ Tags: [{ Key: 'ecrm-ws', Value: 'ws_two' }] });
    await expect(identities.create('brand.example', 'ws_one')).rejects.toBeInstanceOf(ConflictError);
    ses
      .on(GetEmailIdentityCommand)
      .resolves({ Tags: [{ Key: 'ecrm-ws', Value: 'ws_one' }], DkimAttributes: { Tokens: ['a', 'b', 'c'] } });
    expect(await identities.create('brand.example', 'ws_one')).toEqual({ dkimTokens: ['a', 'b', 'c'] });
  });
});
