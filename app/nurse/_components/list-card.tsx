// A section of the work screen that lists entries (notes, readings, care-plan items): its title,
// what it says when there are none, and one list item per entry.
import type { ReactNode } from "react";
import { Card } from "@/components/ui";

export function EntryListCard<T extends { id: string }>({ title, empty, entries, columns = 1, render }: { title: string; empty: string; entries: readonly T[]; columns?: 1 | 2; render: (entry: T) => ReactNode }) {
  return (
    <Card title={title}>
      {entries.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className={columns === 2 ? "grid gap-4 md:grid-cols-2" : "flex flex-col gap-4"}>
          {entries.map((entry) => (
            <li key={entry.id}>{render(entry)}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}
