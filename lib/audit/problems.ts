// What `npm run audit:verify` and `npm run audit:anchor` can find wrong with the access log,
// one kind per way of tampering (ADR 0016), and how each is said to a person.
export type ChainProblemKind =
  /** An entry's content no longer matches its link: the row was edited. */
  | "edited"
  /** An entry's prevHash is not its predecessor's link: an entry was removed, inserted or reordered. */
  | "broken_link"
  /** A link computed without the chain key (plain sha256 where an HMAC belongs): a forged append or rewrite. */
  | "forged"
  /** An anchored chain head is gone: the newest entries of a chain were cut off. */
  | "cut_tail"
  /** An anchored chain head is there with another link than the one anchored. */
  | "anchor_mismatch";

export type ChainProblem = {
  kind: ChainProblemKind;
  /** null for the chain of entries without a patient. */
  patientId: string | null;
  /** The entry concerned, when there is one. */
  entryId: string | null;
  detail: string;
};

export function describeProblem(problem: ChainProblem): string {
  const chain = problem.patientId === null ? "the chain without patient" : `patient ${problem.patientId}`;
  const where =
    problem.entryId !== null ? `entry ${problem.entryId} of ${chain}` : problem.patientId !== null ? chain : "the log";
  return `${problem.kind.toUpperCase().replace("_", " ")}: ${where}: ${problem.detail}`;
}
