import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

// One runner per interval across instances: a pass of a periodic job first takes the job's lease, a
// row in the settings table that says who ran it last and until when (by the database's clock, so the
// instances' clocks do not matter). Taking it is one atomic upsert that only succeeds once the previous
// lease has run out, so of several instances ticking in the same interval exactly one runs the pass;
// if that one dies, another takes the next interval. SQLite is one machine: always runs.
export async function claimJobRun(db: Db, input: { name: string; holder: string; leaseMs: number }): Promise<boolean> {
  if (getEnv().databaseProvider !== "postgresql") return true;
  const rows = await db.$queryRaw<Array<{ key: string }>>`
    INSERT INTO "Setting" ("key", "value", "updatedAt")
    VALUES (${`job_lease:${input.name}`}, jsonb_build_object('holder', ${input.holder}::text, 'until', floor(extract(epoch from clock_timestamp()) * 1000) + ${input.leaseMs}::bigint), now())
    ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()
    WHERE ("Setting"."value"->>'until')::bigint <= floor(extract(epoch from clock_timestamp()) * 1000)
    RETURNING "key"`;
  return rows.length === 1;
}
