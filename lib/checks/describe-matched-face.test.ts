import { describe, expect, it } from "vitest";
import { describeMatch, matchAdditionalData, readMatchAdditionalData, type MatchedFace } from "@/lib/checks/describe-matched-face";
import { createWarning } from "@/lib/verification/warnings";

const fromSession: MatchedFace = { sessionId: "s-1", sessionNumber: 12, vendorData: "user-7", listId: null, listName: null, listEntryId: null, similarity: 97 };
const onList: MatchedFace = { sessionId: "s-2", sessionNumber: 3, vendorData: "fraud-1", listId: "l-1", listName: "Fraud", listEntryId: "e-1", similarity: 88 };
const uploaded: MatchedFace = { sessionId: null, sessionNumber: null, vendorData: null, listId: "l-1", listName: "Fraud", listEntryId: "e-2", similarity: 91 };

describe("what a duplicate or blocklist warning says it matched", () => {
  it("names a duplicate's session the way the hosted service does", () => {
    expect(matchAdditionalData("DUPLICATED_FACE", fromSession)).toEqual({ duplicated_session_id: "s-1", duplicated_session_number: 12, api_service: null, vendor_data: "user-7", similarity: 97 });
  });

  it("names a blocklist hit's session and list", () => {
    expect(matchAdditionalData("FACE_IN_BLOCKLIST", onList)).toEqual({
      blocklisted_session_id: "s-2",
      blocklisted_session_number: 3,
      api_service: null,
      vendor_data: "fraud-1",
      list_id: "l-1",
      list_name: "Fraud",
      list_entry_id: "e-1",
      similarity: 88,
    });
  });

  it("marks a face uploaded straight to a list as coming from the list, with no session", () => {
    expect(matchAdditionalData("FACE_IN_BLOCKLIST", uploaded)).toMatchObject({ blocklisted_session_id: null, blocklisted_session_number: null, api_service: "face_list", list_name: "Fraud" });
  });

  it("reads back what it wrote (a duplicate names no list)", () => {
    expect(readMatchAdditionalData("FACE_IN_BLOCKLIST", matchAdditionalData("FACE_IN_BLOCKLIST", onList))).toEqual(onList);
    expect(readMatchAdditionalData("FACE_IN_BLOCKLIST", matchAdditionalData("FACE_IN_BLOCKLIST", uploaded))).toEqual(uploaded);
    expect(readMatchAdditionalData("DUPLICATED_FACE", matchAdditionalData("DUPLICATED_FACE", fromSession))).toEqual(fromSession);
  });

  it("says in words who was matched", () => {
    expect(describeMatch(fromSession)).toBe("Matches session #12 (vendor_data user-7); similarity 97.");
    expect(describeMatch(onList)).toBe('Matches session #3 (vendor_data fraud-1) on the list "Fraud"; similarity 88.');
    expect(describeMatch(uploaded)).toBe('Matches a face on the list "Fraud"; similarity 91.');
  });

  it("keeps warnings without a match exactly as they were (no additional_data key)", () => {
    expect(Object.keys(createWarning("LOW_FACE_QUALITY"))).toEqual(["risk", "log_type", "short_description", "long_description"]);
    expect(createWarning("DUPLICATED_FACE", describeMatch(fromSession), matchAdditionalData("DUPLICATED_FACE", fromSession)).additional_data).toMatchObject({ duplicated_session_number: 12 });
  });
});
