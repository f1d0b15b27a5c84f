// Vital parameters: per type, a chart of the latest readings and the same readings in a table
// beside it (below it on narrow screens), numbers and units in the reader's language.
import { getFormatter, getTranslations } from "next-intl/server";
import { VitalChart } from "./vital-chart";
import { decimalsOf, groupVitalSigns, knownUnits, unitKey, type VitalGroup } from "./vital-groups";

type VitalSign = VitalGroup["readings"][number];

export async function VitalReadings({ vitalSigns }: { vitalSigns: VitalSign[] }) {
  const [t, format] = await Promise.all([getTranslations("file.vitals"), getFormatter()]);
  const groups = groupVitalSigns(vitalSigns);
  if (groups.length === 0) return <p>{t("empty")}</p>;

  return (
    <div className="flex flex-col gap-8">
      {groups.map(({ type, readings }) => {
        const decimals = decimalsOf[type];
        const unit = readings.at(-1)!.unit;
        const unitLabel = (knownUnits as readonly string[]).includes(unit)
          ? t(`units.${unitKey[unit as (typeof knownUnits)[number]]}`)
          : unit;
        const number = (value: number) =>
          format.number(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
        const valueText = (reading: VitalSign) =>
          reading.secondaryValue === null
            ? number(reading.value)
            : `${number(reading.value)}/${number(reading.secondaryValue)}`;
        const values = readings.map((reading) => reading.value);
        const first = readings[0]!;
        const latest = readings.at(-1)!;
        const lowest = readings.reduce((low, reading) => (reading.value < low.value ? reading : low), first);
        const highest = readings.reduce((high, reading) => (reading.value > high.value ? reading : high), first);
        const typeLabel = t(`types.${type}`);
        const summary = t("chartSummary", {
          type: typeLabel,
          count: readings.length,
          from: format.dateTime(first.measuredAt, "date"),
          to: format.dateTime(latest.measuredAt, "date"),
          latest: `${valueText(latest)} ${unitLabel}`,
          lowest: `${valueText(lowest)} ${unitLabel}`,
          highest: `${valueText(highest)} ${unitLabel}`,
        });
        const headingId = `vital-${type.toLowerCase()}`;
        return (
          <section key={type} aria-labelledby={headingId} className="min-w-0">
            <h3 id={headingId} className="text-lg font-bold">
              {typeLabel} <span className="font-normal text-ink-muted">({unitLabel})</span>
            </h3>
            <p id={`${headingId}-summary`} className="mt-1 max-w-prose text-ink-muted">
              {summary}
            </p>
            <div className="mt-3 grid grid-cols-1 gap-6 xl:grid-cols-2">
              <figure className="min-w-0">
                <VitalChart
                  points={readings.map((reading) => ({
                    t: reading.measuredAt.getTime(),
                    value: reading.value,
                    secondary: reading.secondaryValue,
                  }))}
                  seriesNames={type === "BLOOD_PRESSURE" ? [t("systolic"), t("diastolic")] : [typeLabel]}
                  unitLabel={unitLabel}
                  decimals={decimals}
                  summaryId={`${headingId}-summary`}
                />
                <figcaption className="mt-1 text-sm text-ink-muted">
                  {type === "BLOOD_PRESSURE" ? t("bloodPressureLegend") : t("chartCaption", { count: readings.length })}
                </figcaption>
              </figure>
              <div
                className="max-h-96 overflow-y-auto rounded-lg border border-line"
                tabIndex={0}
                role="region"
                aria-label={t("tableLabel", { type: typeLabel })}
              >
                {/* Cell styles set once in globals.css (.readings-table), not on each cell. */}
                <table className="readings-table">
                  <caption className="sr-only">{t("tableLabel", { type: typeLabel })}</caption>
                  <thead className="sticky top-0 bg-white">
                    <tr>
                      <th scope="col">{t("columns.measuredAt")}</th>
                      <th scope="col">{t("columns.value", { unit: unitLabel })}</th>
                      <th scope="col">{t("columns.note")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...readings].reverse().map((reading) => (
                      <tr key={reading.id}>
                        <td>
                          <time dateTime={reading.measuredAt.toISOString()}>
                            {format.dateTime(reading.measuredAt, "dateTimeShort")}
                          </time>
                        </td>
                        <td>{valueText(reading)}</td>
                        <td>{reading.note ?? ""}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            {values.length === 1 ? <p className="mt-2 text-ink-muted">{t("singleReading")}</p> : null}
          </section>
        );
      })}
    </div>
  );
}
