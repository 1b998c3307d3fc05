import { describe, expect, it } from "vitest";
import { matchLanguage } from "./languages";
import { negotiateLanguage, pickAcceptLanguage } from "./negotiate-language";

describe("hosted page language", () => {
  it("follows the q-values of Accept-Language, not the order alone", () => {
    expect(pickAcceptLanguage("fr;q=0.4, ja;q=0.9, en;q=0.8")).toBe("ja");
    expect(pickAcceptLanguage("de-CH, de;q=0.9, en;q=0.8")).toBe("de");
    // equal weights keep the browser's order
    expect(pickAcceptLanguage("ko, id")).toBe("ko");
  });

  it("falls back from a region to its language, and skips what it cannot serve", () => {
    expect(pickAcceptLanguage("pt-BR,pt;q=0.9")).toBe("pt");
    expect(pickAcceptLanguage("zh-CN, it;q=0.9, id-ID;q=0.5")).toBe("id");
    expect(pickAcceptLanguage("es-419")).toBe("es");
    expect(pickAcceptLanguage("zh-TW, *;q=0.1")).toBeNull();
  });

  it("never picks a language the browser refused (q=0) and survives malformed headers", () => {
    expect(pickAcceptLanguage("ja;q=0, ko;q=0.3")).toBe("ko");
    expect(pickAcceptLanguage("de;q=abc, ;;, fr;q=2")).toBeNull();
    expect(pickAcceptLanguage("")).toBeNull();
    expect(pickAcceptLanguage(null)).toBeNull();
  });

  it("prefers the session's language, then the browser's, then the application default", () => {
    expect(negotiateLanguage({ sessionLanguage: "ja", acceptLanguage: "ko", applicationDefault: "de" })).toBe("ja");
    expect(negotiateLanguage({ sessionLanguage: "pt-BR", acceptLanguage: "ko", applicationDefault: "de" })).toBe("pt");
    // a session language the page cannot speak does not hide the browser's
    expect(negotiateLanguage({ sessionLanguage: "it", acceptLanguage: "fr-CA,fr;q=0.9", applicationDefault: "de" })).toBe("fr");
    expect(negotiateLanguage({ sessionLanguage: null, acceptLanguage: "zh-CN", applicationDefault: "id" })).toBe("id");
    expect(negotiateLanguage({ sessionLanguage: null, acceptLanguage: null, applicationDefault: null })).toBe("en");
  });

  it("matches tags case-insensitively, with _ as well as -", () => {
    expect(matchLanguage("PT_br")).toBe("pt");
    expect(matchLanguage("EN")).toBe("en");
    expect(matchLanguage("english")).toBeNull();
  });
});
