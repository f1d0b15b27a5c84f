// A <select> with its label, hint and error wired like TextField (components/ui/text-field.tsx):
// real <label for>, hint and error announced with the control.
import { useTranslations } from "next-intl";
import { useId, type ComponentProps, type ReactNode } from "react";
import { cx } from "@/components/ui";

export type SelectFieldProps = Omit<ComponentProps<"select">, "id" | "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  markOptional?: boolean;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export function SelectField({ name, label, hint, error, markOptional, options, required, className, ...selectProps }: SelectFieldProps) {
  const t = useTranslations("form");
  const generatedId = useId();
  const id = `${name}-${generatedId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex flex-col gap-1", error ? "border-l-4 border-danger-700 pl-3" : undefined, className)}>
      <label htmlFor={id} className="font-semibold text-ink">
        {label}
        {!required && markOptional ? <span className="font-normal text-ink-muted"> ({t("optional")})</span> : null}
      </label>
      {hint ? (
        <p id={hintId} className="text-ink-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="font-semibold text-danger-700">
          <span className="sr-only">{t("errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cx("min-h-11 w-full rounded-md border-2 bg-white px-3 py-2 text-base text-ink", error ? "border-danger-700" : "border-ink-muted")}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
