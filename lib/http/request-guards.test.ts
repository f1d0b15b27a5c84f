import { describe, expect, it } from "vitest";
import {
  allowedOriginHosts,
  apiRequestRefusal,
  contentLengthRefusal,
  isCrossSite,
  jsonMediaTypeRefusal,
  mediaTypeOf,
  originRefusal,
  pageRefusesCrossSite,
  sameOriginPath,
} from "./request-guards";

const PUBLIC_URL = "https://portaal.example.be";
const headers = (init: Record<string, string>) => new Headers(init);
const post = (init: Record<string, string>) => ({ method: "POST", headers: headers(init) });
const sameOriginJson = { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "content-type": "application/json" };

describe("originRefusal", () => {
  it("accepts an Origin naming the request's own host", () => {
    expect(originRefusal(headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), undefined)).toBeNull();
  });

  it("accepts an Origin naming the public URL's host, behind a proxy that rewrote Host", () => {
    expect(
      originRefusal(headers({ host: "10.0.0.5:3000", origin: "https://portaal.example.be" }), PUBLIC_URL),
    ).toBeNull();
  });

  it("accepts the forwarded host a reverse proxy reports", () => {
    const forwarded = headers({
      host: "10.0.0.5:3000",
      "x-forwarded-host": "portaal.example.be",
      origin: "https://portaal.example.be",
    });
    expect(originRefusal(forwarded, undefined)).toBeNull();
  });

  it("treats a default port spelled out in Host like the Origin that leaves it out", () => {
    expect(
      originRefusal(headers({ host: "portaal.example.be:443", origin: "https://portaal.example.be" }), undefined),
    ).toBeNull();
  });

  it("refuses a foreign Origin with 403, whatever else the request carries", () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "https://portaal.example.be.evil.example"]) {
      const refusal = originRefusal(headers({ host: "127.0.0.1:3000", origin }), PUBLIC_URL);
      expect(refusal?.status, origin).toBe(403);
      expect(refusal?.code, origin).toBe("forbidden");
    }
  });

  it("refuses a missing, `null` or malformed Origin", () => {
    for (const origin of [undefined, "null", "", "not a url", "file:///etc/passwd", "javascript:alert(1)"]) {
      const init: Record<string, string> = { host: "127.0.0.1:3000" };
      if (origin !== undefined) init.origin = origin;
      expect(originRefusal(headers(init), PUBLIC_URL)?.status, String(origin)).toBe(403);
    }
  });

  it("never allows a host it cannot name: no Host header and no public URL allows nothing", () => {
    expect(allowedOriginHosts(headers({}), undefined).size).toBe(0);
    expect(originRefusal(headers({ origin: "http://127.0.0.1:3000" }), undefined)?.status).toBe(403);
  });
});

describe("jsonMediaTypeRefusal", () => {
  it("accepts application/json, with parameters and in any case", () => {
    for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"]) {
      expect(jsonMediaTypeRefusal(headers({ "content-type": type })), type).toBeNull();
    }
  });

  it("refuses with 415 every type a cross-site form or simple fetch can send, and look-alikes", () => {
    for (const type of [
      "text/plain; application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json-patch+json",
      "application/jsonx",
      "text/plain, application/json",
      "",
    ]) {
      const refusal = jsonMediaTypeRefusal(headers({ "content-type": type }));
      expect(refusal?.status, type).toBe(415);
    }
    expect(jsonMediaTypeRefusal(headers({}))?.status).toBe(415);
  });

  it("reads the media type without its parameters", () => {
    expect(mediaTypeOf("text/plain; application/json")).toBe("text/plain");
    expect(mediaTypeOf(" APPLICATION/JSON ;charset=utf-8")).toBe("application/json");
    expect(mediaTypeOf(null)).toBeNull();
  });
});

describe("contentLengthRefusal", () => {
  it("refuses a declared body above the limit with 413, and a non-number with 400", () => {
    expect(contentLengthRefusal(headers({ "content-length": "65537" }), 65536)?.status).toBe(413);
    expect(contentLengthRefusal(headers({ "content-length": "99999999999999999999999" }), 65536)?.status).toBe(400);
    expect(contentLengthRefusal(headers({ "content-length": "-1" }), 65536)?.status).toBe(400);
    expect(contentLengthRefusal(headers({ "content-length": "65536" }), 65536)).toBeNull();
    expect(contentLengthRefusal(headers({}), 65536)).toBeNull();
  });
});

describe("apiRequestRefusal", () => {
  const options = { publicUrl: PUBLIC_URL };

  it("lets a same-origin JSON write through", () => {
    expect(apiRequestRefusal(post(sameOriginJson), options)).toBeNull();
  });

  it("checks the Origin first: a foreign Origin is 403 even with a wrong media type", () => {
    const refusal = apiRequestRefusal(
      post({ ...sameOriginJson, origin: "https://evil.example", "content-type": "text/plain; application/json" }),
      options,
    );
    expect(refusal?.status).toBe(403);
  });

  it("then the media type (415), then the size (413)", () => {
    expect(apiRequestRefusal(post({ ...sameOriginJson, "content-type": "text/plain" }), options)?.status).toBe(415);
    expect(apiRequestRefusal(post({ ...sameOriginJson, "content-length": "10000000" }), options)?.status).toBe(413);
  });

  it("guards every method but GET and HEAD", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "post"]) {
      expect(apiRequestRefusal({ method, headers: headers({ host: "127.0.0.1:3000" }) }, options)?.status, method).toBe(
        403,
      );
    }
    for (const method of ["GET", "HEAD"]) {
      expect(apiRequestRefusal({ method, headers: headers({ host: "127.0.0.1:3000" }) }, options), method).toBeNull();
    }
  });

  it("refuses a read another site started, and only that", () => {
    const read = (site?: string) => ({ method: "GET", headers: headers(site ? { "sec-fetch-site": site } : {}) });
    expect(apiRequestRefusal(read("cross-site"), options)?.status).toBe(403);
    expect(apiRequestRefusal(read("Cross-Site"), options)?.status).toBe(403);
    for (const site of ["same-origin", "same-site", "none", undefined]) {
      expect(apiRequestRefusal(read(site), options), String(site)).toBeNull();
    }
    expect(apiRequestRefusal(read("cross-site"), { ...options, allowCrossSiteReads: true })).toBeNull();
  });
});

describe("cross-site pages", () => {
  it("refuses every page but the entry pages, by default", () => {
    for (const path of [
      "/patient/file",
      "/patient/access-log",
      "/nurse/patients/pat-an",
      "/caregiver/patients/pat-an",
      "/trusted-person/patients/pat-an",
      "/service-center/patients/pat-an",
      "/service-center/review",
      "/some-page-added-later",
      "/nurse/patients/pat-an.png",
    ]) {
      expect(pageRefusesCrossSite(path), path).toBe(true);
    }
    for (const path of ["/", "/login", "/privacy", "/patient", "/patient/", "/nurse", "/open-from-portal"]) {
      expect(pageRefusesCrossSite(path), path).toBe(false);
    }
  });

  it("reads Sec-Fetch-Site", () => {
    expect(isCrossSite(headers({ "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSite(headers({ "sec-fetch-site": "same-site" }))).toBe(false);
    expect(isCrossSite(headers({}))).toBe(false);
  });

  it("offers only a path on this portal as the way on", () => {
    expect(sameOriginPath("/nurse/patients/pat-an?done=note")).toBe("/nurse/patients/pat-an?done=note");
    for (const bad of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "/a\nb",
      "",
    ]) {
      expect(sameOriginPath(bad), bad).toBeNull();
    }
    expect(sameOriginPath(undefined)).toBeNull();
  });
});
