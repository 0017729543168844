/**
 * What the send-path tests start from: a workspace with email settings (a postal address, no double
 * opt-in, no topics, plus what a test adds) and subscribed contacts stored as the API stores them.
 */
import type { Contact } from '../../lib/contacts/contact.schema.ts';
import { systemClock } from '../../lib/shared/clock.ts';
import { UpdateCommand } from '../../lib/shared/dynamodb/commands.ts';
import { domainEvent } from '../../lib/shared/events/outbox.ts';
import { newId } from '../../lib/shared/ids.ts';
import { keys } from '../../lib/shared/keys.ts';
import { subscribedContact } from '../support/email-fakes.ts';
import { newWorkspace, type RealDeps } from './real-deps.ts';

export const POSTAL = '1 Main Street, Springfield 12345';

/** A new workspace whose email settings are the defaults with a postal address, and `email` over them. */
export const emailWorkspace = async (
  real: RealDeps,
  email: Record<string, unknown> = {},
): Promise<string> => {
  const ws = await newWorkspace(real);
  await real.table.client.send(
    new UpdateCommand({
      TableName: real.table.name,
      Key: keys.workspace(ws),
      UpdateExpression: 'SET settings.email = :email',
      ExpressionAttributeValues: {
        ':email': { defaultLocale: 'en', postalAddress: POSTAL, doubleOptIn: false, topics: [], ...email },
      },
    }),
  );
  return ws;
};

/** A contact subscribed to email, with its own address, stored with its `contact.created`. */
export const storeContact = async (
  real: RealDeps,
  ws: string,
  over: Partial<Contact> = {},
): Promise<Contact> => {
  const id = newId('c');
  const contact = subscribedContact(ws, id, { email: `${ws}-${id}@example.com`, ...over });
  await real.contacts.create(
    contact,
    [],
    domainEvent('contact.created', ws, { contactId: id, fields: ['email'] }, systemClock),
  );
  return contact;
};

/** `n` of them, one after the other. */
export const storePeople = async (
  real: RealDeps,
  ws: string,
  n: number,
  over: Partial<Contact> = {},
): Promise<Contact[]> => {
  const people: Contact[] = [];
  for (let i = 0; i < n; i++) people.push(await storeContact(real, ws, over));
  return people;
};
