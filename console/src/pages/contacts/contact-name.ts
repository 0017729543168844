/** How a contact is named in lists: full name, else email, else its id. */
export const contactName = (c: {
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly email?: string | undefined;
  readonly id: string;
}): string => [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || c.id;
