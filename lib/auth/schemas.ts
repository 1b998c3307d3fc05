import { z } from "zod";

export const createApiKeySchema = z.object({ name: z.string().trim().min(1, "Give the key a name").max(80) });
