import { chmodSync, mkdirSync } from "node:fs";
import { logger } from "@/lib/logger";

// DATA_DIR holds the database, the sealed images and (unless configured) the keys: owner-only
// (0700), created so or tightened on start. Where the operator's own layout forbids the change (a
// volume owned by someone else), say so and go on: refusing to start would not make it safer.
export function secureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    chmodSync(dir, 0o700);
  } catch (error) {
    logger.warn("could not restrict DATA_DIR to its owner (chmod 700)", { dataDir: dir, error: (error as Error).message });
  }
}
