/** The channels a contact can be reached on (consent is kept per channel). A leaf module. */
import * as z from 'zod';

export const CHANNELS = ['email', 'sms', 'push', 'whatsapp'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;
