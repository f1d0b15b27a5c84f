// The correction requests the service center routed to this nurse for this patient: what the
// patient (or her caregiver) asked, the deadline, a link to the entry concerned (on this page, or
// on the page of its list that starts with it), and the form that closes the request with the answer the patient reads. The nurse first
// corrects the entry itself (with its own reason and history), then answers here.
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import type { RoutedCorrection } from "@/lib/nursing";
import { MAX_REASON_LENGTH } from "@/lib/nursing/schemas";
import { ActionForm } from "@/components/forms/action-form";
import { resolveCorrectionAction } from "./actions";
import { EntryArticle } from "./entry-article";
import { fieldErrorMessages } from "./form-messages";

export async function RoutedCorrectionsSection({
  requests,
  entryLinks,
}: {
  requests: RoutedCorrection[];
  /** Entry id -> the link that reaches it (an anchor on this page, or another page's URL). */
  entryLinks: ReadonlyMap<string, string>;
}) {
  if (requests.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("nurse"), getFormatter()]);
  return (
    <div id="corrections" className="scroll-mt-4">
      <Card title={t("resolve.title", { count: requests.length })}>
        <p className="mb-4 max-w-prose">{t("resolve.intro")}</p>
        <ul className="flex flex-col gap-4">
          {requests.map((request) => {
            const asked = format.dateTime(request.createdAt, "date");
            const due = format.dateTime(request.dueAt, "date");
            return (
              <li key={request.id}>
                <EntryArticle
                  entryId={request.id}
                  heading={t("resolve.heading", { date: asked })}
                  meta={request.overdue ? null : t("home.dueAt", { date: due })}
                >
                  {request.overdue ? (
                    <p className="font-semibold text-danger-700">{t("home.overdue", { date: due })}</p>
                  ) : null}
                  <p className="mt-2 whitespace-pre-line break-words">{request.description}</p>
                  {request.entityId ? (
                    entryLinks.has(request.entityId) ? (
                      <p className="mt-2">
                        <a
                          href={entryLinks.get(request.entityId)}
                          className="font-semibold text-brand-800 underline underline-offset-4"
                        >
                          {t("resolve.entryLink")}
                        </a>
                      </p>
                    ) : (
                      <p className="mt-2 text-ink-muted">{t("resolve.entryNotShown")}</p>
                    )
                  ) : null}
                  <div className="mt-4">
                    <ActionForm
                      key={`${request.id}-${request.version}`}
                      action={resolveCorrectionAction}
                      schema="resolveCorrection"
                      formLabel={t("resolve.formLabel", { date: asked })}
                      idPrefix={`resolve-${request.id}`}
                      hidden={{ correctionId: request.id, correctionVersion: String(request.version) }}
                      fields={[
                        {
                          name: "resolution",
                          label: t("resolve.resolutionLabel"),
                          hint: t("resolve.resolutionHint"),
                          kind: "textarea",
                          required: true,
                          maxLength: MAX_REASON_LENGTH,
                          rows: 3,
                        },
                      ]}
                      errorMessages={fieldErrorMessages("resolveCorrection", t)}
                      submitLabel={t("resolve.submit")}
                    />
                  </div>
                </EntryArticle>
              </li>
            );
          })}
        </ul>
      </Card>
    </div>
  );
}
