// Renders a declaration or privacy statement body: blocks separated by a blank line, a block
// of "- " lines is a list, a "## " line a heading, anything else a paragraph. Plain text in,
// React elements out: the stored text is never injected as HTML.
type Block =
  { kind: "heading"; text: string } | { kind: "list"; items: string[] } | { kind: "paragraph"; lines: string[] };

function parseBlocks(body: string): Block[] {
  return body
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .filter((lines) => lines.length > 0)
    .map((lines): Block => {
      if (lines.length === 1 && lines[0]!.startsWith("## ")) return { kind: "heading", text: lines[0]!.slice(3) };
      if (lines.every((line) => line.startsWith("- ")))
        return { kind: "list", items: lines.map((line) => line.slice(2)) };
      return { kind: "paragraph", lines };
    });
}

export function LegalText({ body }: { body: string }) {
  return (
    <div className="flex max-w-prose flex-col gap-4">
      {parseBlocks(body).map((block, index) => {
        if (block.kind === "heading")
          return (
            <h2 key={index} className="mt-2 text-2xl font-bold">
              {block.text}
            </h2>
          );
        if (block.kind === "list") {
          return (
            <ul key={index} className="list-disc space-y-2 pl-6">
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>{item}</li>
              ))}
            </ul>
          );
        }
        return <p key={index}>{block.lines.join(" ")}</p>;
      })}
    </div>
  );
}
