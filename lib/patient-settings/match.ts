// How a typed last name is compared with the one on record: people type "Claes", "claes" or
// "Claës"; all three name the same person. Nothing looser (no prefix or fuzzy match): together
// with the national number it is the patient's proof that they mean this person.
export function sameLastName(typed: string, recorded: string): boolean {
  return foldName(typed) === foldName(recorded) && foldName(typed).length > 0;
}

function foldName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .replace(/[\s'’-]+/g, " ")
    .trim()
    .toLocaleLowerCase("nl-BE");
}
