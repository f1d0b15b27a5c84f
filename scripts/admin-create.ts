// `npm run admin:create`: creates the first service-center account of a portal without the demo
// world (lib/people/first-account.ts). Asks for what the flags do not give:
//   --national-number 41.03.12-124.10   (mod-97 checked)
//   --first-name Sara --last-name Lambrechts
//   --username s.lambrechts             (then the password is asked twice, never a flag)
//   --oidc-only                         (signs in with eID/itsme only: no username, no password)
// Refuses when a person with that national number or that username exists. Exit code 0 when the
// account was created, 1 when refused or the input was invalid, 2 when it could not run.
// Reads its answers from standard input, so it can also be scripted (one answer per line).
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { normalizeInsz } from "@/lib/insz";
import { withCommandDatabase } from "./db/command-database";
import { describeMigrationResult, migrateDatabase } from "./db/migrate";

const { values: flags } = parseArgs({
  options: {
    "national-number": { type: "string" },
    "first-name": { type: "string" },
    "last-name": { type: "string" },
    username: { type: "string" },
    "oidc-only": { type: "boolean", default: false },
  },
  strict: true,
});

class Refused extends Error {}

// Typed passwords are not echoed: the terminal's output goes through this gate.
let muted = false;
const output = new Writable({
  write(chunk, encoding, done) {
    if (!muted) process.stdout.write(chunk, encoding);
    done();
  },
});
const terminal = Boolean(process.stdin.isTTY);
const prompt = createInterface({ input: process.stdin, output, terminal });
const answers = prompt[Symbol.asyncIterator]();

async function ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
  process.stdout.write(question);
  muted = Boolean(options.hidden) && terminal;
  const next = await answers.next();
  muted = false;
  if (options.hidden || !terminal) process.stdout.write("\n");
  if (next.done) throw new Refused("no answer (end of input)");
  return String(next.value).trim();
}

async function value(flag: string | undefined, question: string): Promise<string> {
  return flag?.trim() || ask(question);
}

async function main(): Promise<number> {
  const nationalNumberText = await value(flags["national-number"], "National number (rijksregisternummer): ");
  const insz = normalizeInsz(nationalNumberText);
  if (!insz) throw new Refused("not a valid national number: 11 digits with a correct mod-97 check");
  const firstName = await value(flags["first-name"], "First name: ");
  const lastName = await value(flags["last-name"], "Last name: ");

  let login: { kind: "oidc-only" } | { kind: "password"; username: string; password: string };
  if (flags["oidc-only"]) {
    if (flags.username) throw new Refused("--oidc-only and --username exclude each other");
    login = { kind: "oidc-only" };
  } else {
    const username = await value(flags.username, "Username: ");
    const password = await ask("Password (12+ characters): ", { hidden: true });
    const again = await ask("Password again: ", { hidden: true });
    if (password !== again) throw new Refused("the two passwords differ");
    login = { kind: "password", username, password };
  }

  const [{ createPrismaClient }, { ZFirstAccount, createFirstServiceCenterAccount }] = await Promise.all([
    import("@/lib/db/client"),
    import("@/lib/people/first-account"),
  ]);
  const input = { insz, firstName, lastName, login };
  const parsed = ZFirstAccount.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Refused(problems);
  }

  return withCommandDatabase(async ({ url, ownerUrl }) => {
    console.log(describeMigrationResult(await migrateDatabase(ownerUrl)));
    const db = createPrismaClient(url, 1);
    try {
      const result = await createFirstServiceCenterAccount(db, input);
      if (!result.ok) {
        throw new Refused(
          result.reason === "person_exists"
            ? "a person with this national number already exists; this command creates new accounts only"
            : "this username is taken",
        );
      }
      const how = login.kind === "password" ? `username ${login.username} or eID/itsme` : "eID/itsme only";
      console.log(`admin:create: service-center account for ${firstName} ${lastName} created (${how}).`);
      console.log("At the first sign-in they accept the service center's user declaration.");
      return 0;
    } finally {
      await db.$disconnect();
    }
  });
}

main()
  .then(
    (code) => code,
    (error: unknown) => {
      if (error instanceof Refused) {
        console.error(`admin:create refused: ${error.message}`);
        return 1;
      }
      console.error(`admin:create could not run: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    },
  )
  .then((code) => {
    prompt.close();
    process.exit(code);
  });
