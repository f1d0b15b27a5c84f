import { describe, expect, it } from "vitest";
import { entryIdFromSearch, filePageQuery, firstPage, formatCursor } from "./paging";

describe("entryIdFromSearch", () => {
  it("takes an entry id shaped like a cursor's id", () => {
    expect(entryIdFromSearch("73663ee5-0f9d-4566-88ad-4d4cad47bbdd")).toBe("73663ee5-0f9d-4566-88ad-4d4cad47bbdd");
    expect(entryIdFromSearch("note-an-045")).toBe("note-an-045");
  });

  it("refuses anything else: absent, repeated, too long, or with other characters", () => {
    for (const value of [undefined, ["a", "b"], "", "a".repeat(65), "__proto__.x", "a b", "a/../b", "<x>"]) {
      expect(entryIdFromSearch(value)).toBeNull();
    }
  });
});

describe("filePageQuery", () => {
  it("keeps the cursor of every list that is on an older page, then the extra parameters", () => {
    const page = firstPage();
    const notes = { at: new Date(Date.UTC(2026, 10, 20, 8)), id: "note-an-030" };
    page.nursingNotes.before = notes;
    const query = new URLSearchParams(filePageQuery(page, { correct: "vital-an-001" }).slice(1));
    expect(query.get("notesBefore")).toBe(formatCursor(notes));
    expect(query.has("readingsBefore")).toBe(false);
    expect(query.get("correct")).toBe("vital-an-001");
  });

  it("is empty for the newest page of every list", () => {
    expect(filePageQuery(firstPage())).toBe("");
  });
});
