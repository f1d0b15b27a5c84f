// How a person is named to others: "Dr. Eva Jacobs". One function, so the header, the access
// log and the review lists name people the same way, and a patient recognises who looked.
export type NamedPerson = { honorific?: string | null; firstName: string; lastName: string };

export function displayName(person: NamedPerson): string {
  return [person.honorific, person.firstName, person.lastName].filter(Boolean).join(" ");
}
