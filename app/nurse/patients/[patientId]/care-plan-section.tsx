// The care plan: each item with its history and an update form (a reason is required; the
// previous state is kept). Completing or stopping an item dates its end today.
import { getTranslations } from "next-intl/server";
import type { NursingFile } from "@/lib/dossier";
import type { RevisionDto } from "@/lib/nursing";
import { carePlanStatuses, MAX_NOTE_LENGTH, MAX_REASON_LENGTH } from "@/lib/nursing/schemas";
import { updateCarePlanAction } from "./actions";
import { type Correcting, EditDisclosure, EntryArticle } from "./entry-article";
import { ListCard } from "../../_components/list-card";
import { fieldErrorMessages } from "./form-messages";
import { History, PreviousText } from "./history";

type CarePlanItem = NonNullable<NursingFile["health"]>["carePlan"][number];

export async function CarePlanSection({
  patientId,
  items,
  revisions,
  correcting,
}: {
  correcting: Correcting;
  patientId: string;
  items: CarePlanItem[];
  revisions: Record<string, RevisionDto[]>;
}) {
  const t = await getTranslations("nurse");
  return (
    <ListCard
      title={t("carePlan.title")}
      empty={t("carePlan.empty")}
      entries={items}
      keyOf={(entry) => entry.id}
      render={(item) => (
        <EntryArticle
          entryId={item.id}
          heading={
            <>
              {item.title}{" "}
              <span className="font-normal text-ink-muted">
                ({t(`carePlanStatuses.${item.status}` as "carePlanStatuses.ACTIVE")})
              </span>
            </>
          }
        >
          <p className="whitespace-pre-line">{item.description}</p>
          {item.frequency ? <p className="text-ink-muted">{item.frequency}</p> : null}
          <History
            revisions={revisions[item.id]}
            describePrevious={(revision) => <PreviousText revision={revision} />}
          />
          <EditDisclosure
            entryId={item.id}
            correcting={correcting}
            summary={t("carePlan.open")}
            version={item.version}
            form={{
              action: updateCarePlanAction,
              schema: "updateCarePlan",
              formLabel: t("carePlan.formLabel", { title: item.title }),
              idPrefix: `plan-${item.id}`,
              hidden: { patientId, itemId: item.id, version: String(item.version) },
              fields: [
                {
                  name: "title",
                  label: t("carePlan.titleLabel"),
                  kind: "text",
                  required: true,
                  defaultValue: item.title,
                  maxLength: 200,
                },
                {
                  name: "description",
                  label: t("carePlan.descriptionLabel"),
                  kind: "textarea",
                  required: true,
                  defaultValue: item.description,
                  maxLength: MAX_NOTE_LENGTH,
                  rows: 3,
                },
                {
                  name: "frequency",
                  label: t("carePlan.frequencyLabel"),
                  kind: "text",
                  defaultValue: item.frequency ?? "",
                  maxLength: 200,
                },
                {
                  name: "status",
                  label: t("carePlan.statusLabel"),
                  kind: "select",
                  required: true,
                  defaultValue: item.status,
                  options: carePlanStatuses.map((status) => ({
                    value: status,
                    label: t(`carePlanStatuses.${status}`),
                  })),
                },
                {
                  name: "reason",
                  label: t("correct.reasonLabel"),
                  hint: t("correct.reasonHint"),
                  kind: "text",
                  required: true,
                  maxLength: MAX_REASON_LENGTH,
                },
              ],
              errorMessages: fieldErrorMessages("updateCarePlan", t),
              submitLabel: t("carePlan.submit"),
            }}
          />
        </EntryArticle>
      )}
    />
  );
}
