"use client";
// Last resort, when the root layout itself failed: no translations, no global stylesheet, no
// header (Next.js renders this instead of the layout). The message is given in the three
// languages of the portal, with inline styles that meet the same contrast and size targets.
import { useEffect } from "react";

const messages = [
  {
    lang: "nl",
    title: "Er ging iets mis",
    body: "Er liep iets fout aan onze kant. Probeer het opnieuw. Lukt het nog altijd niet? Bel dan ons servicecenter.",
    retry: "Opnieuw proberen",
  },
  {
    lang: "fr",
    title: "Un problème est survenu",
    body: "Une erreur s’est produite de notre côté. Veuillez réessayer. Cela ne fonctionne toujours pas\u00a0? Appelez notre service clientèle.",
    retry: "Réessayer",
  },
  {
    lang: "en",
    title: "Something went wrong",
    body: "Something went wrong on our side. Please try again. Still not working? Call our service center.",
    retry: "Try again",
  },
] as const;

const buttonStyle = {
  minHeight: 44,
  padding: "0.5rem 1.25rem",
  border: "2px solid #0b5e75",
  borderRadius: 8,
  background: "#0b5e75",
  color: "#fff",
  font: "inherit",
  fontWeight: 600,
  cursor: "pointer",
} as const;

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <html lang="nl-BE">
      <body
        style={{
          margin: 0,
          fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
          fontSize: "112.5%",
          lineHeight: 1.6,
          color: "#17212b",
          background: "#f5f7f9",
        }}
      >
        <title>Zorgdossier</title>
        <main id="main" style={{ maxWidth: "42rem", margin: "0 auto", padding: "2rem 1rem" }}>
          {messages.map((message) => (
            <section key={message.lang} lang={message.lang} style={{ marginBottom: "2rem" }}>
              {message.lang === "nl" ? (
                <h1 style={{ lineHeight: 1.25 }}>{message.title}</h1>
              ) : (
                <h2 style={{ lineHeight: 1.25 }}>{message.title}</h2>
              )}
              <p>{message.body}</p>
              <button type="button" onClick={() => retry()} style={buttonStyle}>
                {message.retry}
              </button>
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
