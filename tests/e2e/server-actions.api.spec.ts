// Issue 9's attack against the running portal: a field named `__proto__.x` (and the other
// prototype paths) posted to a real server action endpoint, the way a browser posts it with
// JavaScript (the `Next-Action` header and React's encoded arguments) and without (a plain
// multipart form with Next's `$ACTION_…` fields). Before ADR 0011 one such post to the nurse's
// emergency-access form answered 500 and broke every later request of every user. Now the
// action answers its form with a refusal, nothing is decided or logged, and the portal serves
// the next requests of that user and of others as before.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { loginOverHttp } from "./support/login";

const HOSTILE_NAMES = ["__proto__.x", "constructor.prototype.x", "a.__proto__.x"];
const REFUSED = "Dit formulier bevat een ongeldige veldnaam";

/** The hidden fields React renders into a server-rendered form for its action (no-JS path). */
type ActionForm = { actionId: string; fields: Array<[string, string]> };

function decodeHtml(value: string): string {
  return value
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

/** The server-rendered form around `marker`, with Next's hidden `$ACTION_…` fields and the action id. */
async function actionForm(request: APIRequestContext, path: string, marker: string): Promise<ActionForm> {
  const response = await request.get(path);
  expect(response.status(), `GET ${path}`).toBe(200);
  const html = await response.text();
  const start = html.indexOf(marker);
  expect(start, `${marker} on ${path}`).toBeGreaterThan(-1);
  const formHtml = html.slice(html.lastIndexOf("<form", start), html.indexOf("</form>", start));
  const fields: Array<[string, string]> = [];
  for (const input of formHtml.matchAll(/<input[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input[0])?.[1];
    if (!name?.startsWith("$ACTION_")) continue;
    fields.push([decodeHtml(name), decodeHtml(/value="([^"]*)"/.exec(input[0])?.[1] ?? "")]);
  }
  // useActionState forms carry {"id": …, "bound": …} in `$ACTION_1:0`; plain ones `$ACTION_ID_<id>`.
  const reference = fields.find(([name]) => /^\$ACTION_\d+:0$/.test(name));
  const plain = fields.find(([name]) => name.startsWith("$ACTION_ID_"));
  const actionId = reference ? (JSON.parse(reference[1]) as { id: string }).id : plain?.[0].slice("$ACTION_ID_".length);
  expect(actionId, `the action id of the form around ${marker}`).toMatch(/^[0-9a-f]{20,}$/);
  return { actionId: actionId!, fields };
}

/**
 * Posts like React does with JavaScript: the `Next-Action` header and the arguments [previous
 * state, FormData] encoded as React's reply: the FormData's fields as `_1_<name>`, then the root
 * `0` last (the server resolves the root as soon as it arrives).
 */
function postWithJavaScript(
  request: APIRequestContext,
  path: string,
  baseURL: string,
  actionId: string,
  entries: Array<[string, string]>,
) {
  const multipart = new FormData();
  for (const [name, value] of entries) multipart.append(`_1_${name}`, value);
  multipart.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  return request.post(path, {
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: baseURL },
    multipart,
    maxRedirects: 0,
  });
}

/** Posts like a browser without JavaScript: the form's own fields, Next's hidden fields included. */
function postWithoutJavaScript(
  request: APIRequestContext,
  path: string,
  baseURL: string,
  form: ActionForm,
  entries: Array<[string, string]>,
) {
  const multipart = new FormData();
  for (const [name, value] of [...form.fields, ...entries]) multipart.append(name, value);
  return request.post(path, { headers: { Origin: baseURL }, multipart, maxRedirects: 0 });
}

/** The entries of An's access log (newest 500, as she sees them) that name a nurse. */
async function nurseEntriesInAnsLog(request: APIRequestContext): Promise<unknown[]> {
  const response = await request.get("/api/patients/pat-an/access-log?limit=500");
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { entries: Array<{ actor: { role: string | null } | null }> };
  return body.entries.filter((entry) => entry.actor?.role === "NURSE");
}

test.describe("a prototype field posted to a real server action", () => {
  test("is refused on the nurse's emergency-access form, decides nothing, and the portal keeps serving", async ({
    playwright,
    baseURL,
  }) => {
    const nurse = await playwright.request.newContext({ baseURL });
    const patient = await playwright.request.newContext({ baseURL });
    try {
      await loginOverHttp(nurse, "n.noah");
      await loginOverHttp(patient, "p.an");
      const nurseEntriesBefore = await nurseEntriesInAnsLog(patient);
      const form = await actionForm(nurse, "/nurse", 'aria-label="Noodtoegang tot een dossier"');

      for (const hostile of HOSTILE_NAMES) {
        const entries: Array<[string, string]> = [
          ["patientId", "pat-an"],
          [hostile, "polluted"],
          ["reason", "Valpartij, huisarts vraagt medicatieschema op."],
        ];
        const withJs = await postWithJavaScript(nurse, "/nurse", baseURL!, form.actionId, entries);
        expect(withJs.status(), `${hostile} with JavaScript`).toBe(200);
        const payload = await withJs.text();
        expect(payload, `${hostile} with JavaScript`).toContain(REFUSED);
        expect(payload).toContain(hostile);

        const withoutJs = await postWithoutJavaScript(nurse, "/nurse", baseURL!, form, entries);
        expect(withoutJs.status(), `${hostile} without JavaScript`).toBe(200);
        expect(await withoutJs.text(), `${hostile} without JavaScript`).toContain(REFUSED);
      }

      // Nothing was decided: no emergency access, no entry in An's access log.
      expect(await nurseEntriesInAnsLog(patient)).toEqual(nurseEntriesBefore);
      // The same nurse and another user are served as before.
      expect((await nurse.get("/nurse")).status()).toBe(200);
      expect((await patient.get("/patient")).status()).toBe(200);
      expect((await patient.get("/api/patients/pat-an/record")).status()).toBe(200);
      expect((await nurse.get("/login")).status()).toBe(200);
    } finally {
      await nurse.dispose();
      await patient.dispose();
    }
  });

  test("is refused by the public language switch, which keeps working afterwards", async ({ playwright, baseURL }) => {
    const visitor = await playwright.request.newContext({ baseURL });
    try {
      const form = await actionForm(visitor, "/login", 'name="locale"');
      for (const hostile of HOSTILE_NAMES) {
        const response = await postWithJavaScript(visitor, "/login", baseURL!, form.actionId, [
          [hostile, "polluted"],
          ["locale", "fr-BE"],
        ]);
        expect(response.status(), hostile).toBe(200);
        expect(await response.text(), hostile).toContain(REFUSED);
        expect(response.headers()["set-cookie"] ?? "", hostile).not.toContain("NEXT_LOCALE");
      }
      const switched = await postWithJavaScript(visitor, "/login", baseURL!, form.actionId, [["locale", "fr-BE"]]);
      expect(switched.status()).toBe(200);
      expect(switched.headers()["set-cookie"] ?? "").toContain("NEXT_LOCALE=fr-BE");
    } finally {
      await visitor.dispose();
    }
  });
});
