// A file sent with a message or note (docs: API.md, "Attachments").
import { z } from 'zod';

export const attachmentSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  content_type: z.string(),
  size: z.number().int().nonnegative(),
  is_image: z.boolean(),
  url: z.string(),
  thumbnail_url: z.string().nullable().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;
