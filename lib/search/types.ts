export type FaceEntryKind = "session" | "reauth" | "list";
export type FaceListKind = "blocklist" | "allowlist";

/** Metadata stored next to one enrolled face; the embedding itself lives in the index's matrix. */
export type FaceIndexEntry = {
  /** Unique within one index; adding an existing id replaces that face. */
  id: string;
  kind: FaceEntryKind;
  /** Session, re-auth enrolment or list entry the face came from. */
  refId?: string;
  vendorData?: string | null;
  listId?: string;
  listKind?: FaceListKind;
};

export type FaceIndexInput = FaceIndexEntry & {
  /** L2-normalised embedding (normalised again on the way in if it is not). */
  embedding: Float32Array | readonly number[];
};

export type FaceEntryPredicate = (entry: Readonly<FaceIndexEntry>) => boolean;

/** Either a predicate or a declarative match on the common metadata fields (all given fields must match). */
export type FaceIndexFilter =
  | FaceEntryPredicate
  | {
      kind?: FaceEntryKind | readonly FaceEntryKind[];
      listId?: string | readonly string[];
      listKind?: FaceListKind;
      vendorData?: string;
    };

export type FaceSearchOptions = {
  /** Maximum number of hits (default 5). */
  k?: number;
  /** Hits below this cosine similarity are dropped. */
  minCosine?: number;
  filter?: FaceIndexFilter;
};

export type FaceSearchHit = {
  entry: Readonly<FaceIndexEntry>;
  cosine: number;
};
