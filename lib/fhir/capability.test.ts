// Discovery (ADR 0017, 0018): what the CapabilityStatement and the SMART configuration promise is
// what the API enforces.
import { describe, expect, it } from "vitest";
import { ASSERTION_ALGORITHMS } from "./auth/clients";
import { capabilityStatement, smartConfiguration } from "./capability";
import { SUPPORTED_RESOURCE_TYPES } from "./transaction";

describe("the CapabilityStatement", () => {
  const statement = capabilityStatement("https://portaal.example.be/", "Thuiszorg Demo vzw");
  const rest = statement.rest![0]!;

  it("is FHIR 4.0.1 JSON with the transaction interaction and the SMART security service", () => {
    expect([statement.fhirVersion, statement.format, statement.kind]).toEqual([
      "4.0.1",
      ["json", "application/fhir+json"],
      "instance",
    ]);
    expect(rest.interaction).toEqual([expect.objectContaining({ code: "transaction" })]);
    expect(rest.security?.service?.[0]?.coding?.[0]?.code).toBe("SMART-on-FHIR");
    expect(rest.security?.extension?.[0]?.extension).toEqual([
      { url: "token", valueUri: "https://portaal.example.be/api/fhir/token" },
    ]);
  });

  it("lists every accepted type with conditional create and update, Consent and RelatedPerson included", () => {
    const listed = new Map(rest.resource!.map((resource) => [resource.type, resource]));
    for (const type of SUPPORTED_RESOURCE_TYPES) {
      expect(listed.get(type), type).toMatchObject({
        conditionalCreate: true,
        conditionalUpdate: true,
        interaction: [{ code: "create" }, { code: "update" }],
      });
    }
    // Written out rather than read from SUPPORTED_RESOURCE_TYPES: dropping one from the list must fail here.
    expect([...listed.keys()]).toEqual(expect.arrayContaining(["Consent", "RelatedPerson"]));
    expect(rest.resource!.every((resource) => !/not supported/i.test(resource.documentation ?? ""))).toBe(true);
  });
});

describe("the SMART configuration", () => {
  it("names the token endpoint, client credentials with private_key_jwt, the algorithms and the scopes", () => {
    const configuration = smartConfiguration("http://127.0.0.1:3205");
    expect(configuration).toMatchObject({
      token_endpoint: "http://127.0.0.1:3205/api/fhir/token",
      grant_types_supported: ["client_credentials"],
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
      token_endpoint_auth_signing_alg_values_supported: [...ASSERTION_ALGORITHMS],
    });
    expect(configuration.token_endpoint_auth_signing_alg_values_supported).toEqual(
      expect.arrayContaining(["RS384", "ES384"]),
    );
    expect(configuration.scopes_supported).toEqual(
      expect.arrayContaining([
        "system/*.write",
        "system/Patient.write",
        "system/Observation.write",
        "system/Consent.write",
        "system/RelatedPerson.write",
      ]),
    );
  });
});
