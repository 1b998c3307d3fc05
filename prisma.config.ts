import { defineConfig } from "prisma/config";

// The CLI is only used to generate the clients (prisma/scripts/generate.mjs); migrations are committed SQL
// applied by the app itself on start (lib/db/migrate.ts), so no datasource URL is needed here.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
