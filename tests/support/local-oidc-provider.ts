// A real OpenID provider for the tests (ADR 0015): `oidc-provider` (panva, OpenID Certified),
// standing in for the eID/itsme broker. It runs on a loopback port with signing keys of its own
// (RSA for RS256/PS256, P-256 for ES256), knows the demo world's national numbers and one citizen
// the portal does not know, and has its own small login page instead of the library's
// development-only one: a browser test types a national number, picks a level of assurance, and
// signs in, or cancels.
//
// Used by scripts/e2e-server.ts (one provider for the end-to-end run) and by the integration
// tests of the portal's OIDC configuration (tests/integration/oidc-login.test.ts). Run it by hand
// for a manual check with `npx tsx tests/support/local-oidc-provider.ts` (see the end of this file).
import { createHash, generateKeyPairSync, randomBytes, type JsonWebKey } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { buildInsz, normalizeInsz } from "@/lib/insz";
import { demoIdentity, demoPatients, demoUsers } from "@/lib/demo-world/people";

export type LocalOidcClient = {
  clientId: string;
  redirectUris: string[];
  idTokenSigningAlg: "RS256" | "PS256" | "ES256";
  auth: { method: "client_secret_basic"; clientSecret: string } | { method: "private_key_jwt"; publicJwk: JsonWebKey };
};

export type LocalOidcProviderOptions = {
  /** 0 (the default): a free port chosen by the system. */
  port?: number;
  clients: LocalOidcClient[];
  /**
   * Also put the scope-requested claims (the national number) in the ID token. By default they
   * are released at userinfo only, as OpenID Connect Core says for the code flow.
   */
  claimsInIdToken?: boolean;
};

export type LocalOidcProvider = {
  issuer: string;
  port: number;
  /** How many userinfo requests it answered: proves where the portal read the claim. */
  userinfoRequests(): number;
  close(): Promise<void>;
};

/** The levels of assurance it can assert, lowest first: eIDAS's, which the portal knows by default. */
export const LOCAL_ACR_LEVELS = [
  "http://eidas.europa.eu/LoA/low",
  "http://eidas.europa.eu/LoA/substantial",
  "http://eidas.europa.eu/LoA/high",
] as const;

type Citizen = { nationalNumber: string; givenName: string; familyName: string };

/** Someone with a valid national number whom the portal does not know. */
export const OUTSIDER: Citizen = {
  nationalNumber: buildInsz(new Date(Date.UTC(1986, 4, 17)), 203),
  givenName: "Olivier",
  familyName: "Buiten",
};

const citizens: Citizen[] = [
  ...[...Object.values(demoPatients), ...Object.values(demoUsers)].map((person) => ({
    // The minors' numbers follow from their age on the day (lib/demo-world/people.ts).
    nationalNumber: demoIdentity(person, new Date()).insz,
    givenName: person.firstName,
    familyName: person.lastName,
  })),
  OUTSIDER,
];

/** The provider's subject for a citizen: stable and opaque, as a broker's pairwise id would be. */
function subjectOf(nationalNumber: string): string {
  return createHash("sha256").update(`local-oidc-subject:${nationalNumber}`).digest("base64url").slice(0, 24);
}

const citizensBySubject = new Map(citizens.map((citizen) => [subjectOf(citizen.nationalNumber), citizen]));
const citizensByNumber = new Map(citizens.map((citizen) => [citizen.nationalNumber, citizen]));

function signingKeys(): JsonWebKey[] {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
  const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
  return [
    { ...rsa, use: "sig", kid: "local-rsa" },
    { ...ec, use: "sig", kid: "local-ec" },
  ];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function loginPage(uid: string, error?: string): string {
  const levels = LOCAL_ACR_LEVELS.map((level) => {
    const label = level.slice(level.lastIndexOf("/") + 1);
    const selected = label === "substantial" ? " selected" : "";
    return `<option value="${escapeHtml(level)}"${selected}>${escapeHtml(label)}</option>`;
  }).join("");
  const action = `/interaction/${encodeURIComponent(uid)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local eID test provider</title></head>
<body>
<main>
<h1>Local eID test provider</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="${action}/login">
<label>National number <input name="national_number" autocomplete="off"></label>
<label>Level of assurance <select name="acr">${levels}</select></label>
<button type="submit">Sign in</button>
</form>
<form method="post" action="${action}/abort"><button type="submit">Cancel</button></form>
</main>
</body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Its warnings about running on Node 20 and with an in-memory store are true and irrelevant here. */
async function quietly<T>(work: () => Promise<T> | T): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("oidc-provider WARNING")) return;
    warn(...args);
  };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

export async function startLocalOidcProvider(options: LocalOidcProviderOptions): Promise<LocalOidcProvider> {
  const { default: Provider } = await quietly(() => import("oidc-provider"));
  // Listen first: the issuer must name the port, and port 0 is only known once bound.
  const { createServer } = await import("node:http");
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}`;

  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      redirect_uris: client.redirectUris,
      response_types: ["code"],
      grant_types: ["authorization_code"],
      id_token_signed_response_alg: client.idTokenSigningAlg,
      token_endpoint_auth_method: client.auth.method,
      ...(client.auth.method === "client_secret_basic"
        ? { client_secret: client.auth.clientSecret }
        : { jwks: { keys: [client.auth.publicJwk as never] } }),
    })),
    jwks: { keys: signingKeys() as never[] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ["sub"],
      profile: ["given_name", "family_name", "name"],
      // The national number under two claim names, behind two scopes, so the tests can show
      // that the scope and the claim name are the portal's configuration.
      national_number: ["national_number"],
      eid: ["rrn"],
    },
    acrValues: [...LOCAL_ACR_LEVELS],
    conformIdTokenClaims: !options.claimsInIdToken,
    enabledJWA: { idTokenSigningAlgValues: ["RS256", "PS256", "ES256"] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // Short lives, as a test needs; set, so the library does not note that defaults are used.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, sub) {
      const citizen = citizensBySubject.get(sub);
      if (!citizen) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            given_name: citizen.givenName,
            family_name: citizen.familyName,
            name: `${citizen.givenName} ${citizen.familyName}`,
            national_number: citizen.nationalNumber,
            rrn: citizen.nationalNumber,
          };
        },
      };
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Error</title></head><body><main><h1>Error</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ""))}</p></main></body></html>`;
    },
  };
  const provider = await quietly(() => new Provider(issuer, configuration));

  let userinfoRequests = 0;
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
    await next();
    if (ctx.oidc?.route === "userinfo" && ctx.status === 200) userinfoRequests += 1;
  });

  // Our own login interaction, in front of the provider's routes.
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>) => {
    const match = /^\/interaction\/([\w-]+)(\/login|\/abort)?$/.exec(ctx.path);
    if (!match) return next();
    ctx.set("cache-control", "no-store");
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.uid !== match[1]) throw new Error("interaction mismatch");
    const step = match[2];

    if (ctx.method === "GET" && !step) {
      if (details.prompt.name === "login") {
        ctx.type = "html";
        ctx.body = loginPage(details.uid);
        return;
      }
      // A broker asks no separate consent of its own: grant what was asked and go on.
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
      if (!grant) throw new Error("grant not found");
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      await provider.interactionFinished(
        ctx.req,
        ctx.res,
        { consent: details.grantId ? {} : { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }

    if (ctx.method === "POST" && step === "/abort") {
      await provider.interactionFinished(
        ctx.req,
        ctx.res,
        { error: "access_denied", error_description: "The citizen cancelled the sign-in" },
        { mergeWithLastSubmission: false },
      );
      return;
    }

    if (ctx.method === "POST" && step === "/login") {
      const form = await readForm(ctx.req);
      const number = normalizeInsz(form.get("national_number") ?? "");
      const citizen = number ? citizensByNumber.get(number) : undefined;
      const acr = form.get("acr") ?? "";
      if (!citizen || !(LOCAL_ACR_LEVELS as readonly string[]).includes(acr)) {
        ctx.status = 400;
        ctx.type = "html";
        ctx.body = loginPage(details.uid, "Unknown national number at this test provider.");
        return;
      }
      await provider.interactionFinished(
        ctx.req,
        ctx.res,
        { login: { accountId: subjectOf(citizen.nationalNumber), acr, amr: ["hwk", "pin"] } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    ctx.status = 405;
  });

  server.on("request", provider.callback());
  return {
    issuer,
    port,
    userinfoRequests: () => userinfoRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// By hand: a provider for a portal on PORT (default 3000), e.g.
//   npx tsx tests/support/local-oidc-provider.ts --port 3404 --portal http://localhost:3304
// prints the settings to start the portal with.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argument = (name: string) => {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : undefined;
  };
  const portal = argument("portal") ?? "http://localhost:3000";
  const clientSecret = randomBytes(24).toString("base64url");
  const provider = await startLocalOidcProvider({
    port: Number(argument("port") ?? 3404),
    clients: [
      {
        clientId: "portal",
        redirectUris: [`${portal}/api/auth/callback/oidc`],
        idTokenSigningAlg: "RS256",
        auth: { method: "client_secret_basic", clientSecret },
      },
    ],
  });
  console.log(`Local OpenID provider on ${provider.issuer}. Start the portal with:
  OIDC_ISSUER=${provider.issuer} OIDC_CLIENT_ID=portal OIDC_CLIENT_SECRET=${clientSecret} OIDC_SCOPES="openid national_number"
National numbers: An ${demoPatients.an.insz}; unknown to the portal: ${OUTSIDER.nationalNumber}. Ctrl-C stops it.`);
}
