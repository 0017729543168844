import {
  AlreadyExistsException,
  BadRequestException,
  CreateEmailIdentityCommand,
  GetEmailIdentityCommand,
  SESv2Client,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sesIdentities } from '../../lib/senders/ses-identities.gateway.ts';
import { ConflictError, TransientError, ValidationError } from '../../lib/shared/errors.ts';

const ses = mockClient(SESv2Client);
const identities = sesIdentities(new SESv2Client({ region: 'us-east-1' }));
const meta = { $metadata: {} };

describe('the SES identity gateway on SES failures', () => {
  beforeEach(() => ses.reset());

  it('turns SES throttling into a retryable error', async () => {
    ses
      .on(CreateEmailIdentityCommand)
      .rejects(new TooManyRequestsException({ message: 'Too many requests', ...meta }));
    await expect(identities.create('brand.example', 'ws_one')).rejects.toBeInstanceOf(TransientError);
    ses
      .on(GetEmailIdentityCommand)
      .rejects(new TooManyRequestsException({ message: 'Too many requests', ...meta }));
    await expect(identities.get('brand.example')).rejects.toBeInstanceOf(TransientError);
  });

  it('names the domain when SES refuses it', async () => {
    ses
      .on(CreateEmailIdentityCommand)
      .rejects(new BadRequestException({ message: 'Invalid domain', ...meta }));
    const error = await identities.create('brand.example', 'ws_one').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error instanceof ValidationError ? error.issues : []).toEqual([
      { path: 'domain', message: 'Invalid domain' },
    ]);
  });

  it('refuses an identity that exists without this workspace’s tag (another workspace’s, or made outside ecrm)', async () => {
    ses.on(CreateEmailIdentityCommand).rejects(new AlreadyExistsException({ message: 'exists', ...meta }));
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
