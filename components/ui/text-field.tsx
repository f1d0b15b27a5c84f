// Form fields with their label, hint and error wired for assistive technology: the label is a
// real <label for>, and hint and error are announced with the field (aria-describedby) so a
// screen-reader user hears "Wachtwoord, verplicht, Fout: vul uw wachtwoord in" in one go.
// No "use client": works in server and client components alike (useId and useTranslations
// are both available there).
import { useTranslations } from "next-intl";
import { useId, type ComponentProps, type ReactNode } from "react";
import { cx } from "./cx";

export type FieldFrameProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Says "(niet verplicht)" after the label: mark the exception, not the rule. */
  markOptional?: boolean;
  children: (describedBy: string | undefined) => ReactNode;
  className?: string;
};

/**
 * Label, hint and error around one control; `children` gets the aria-describedby value to put
 * on it. Exported for controls other than these two (a <select>), so that every field of the
 * portal is announced the same way.
 */
export function FieldFrame({ id, label, hint, error, required, markOptional, children, className }: FieldFrameProps) {
  const t = useTranslations("form");
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
      {children(describedBy)}
    </div>
  );
}

/** A stable id for a field: the caller's own, or one derived from its name and React's useId. */
export function useFieldId(name: string, id?: string): string {
  const generatedId = useId();
  return id ?? `${name}-${generatedId.replace(/[^a-zA-Z0-9_-]/g, "")}`;
}

const controlClasses =
  "w-full rounded-md border-2 bg-white px-3 py-2 text-base text-ink placeholder:text-ink-muted disabled:bg-surface-muted";

export type TextFieldProps = Omit<ComponentProps<"input">, "id" | "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  markOptional?: boolean;
  id?: string;
};

export function TextField({
  name,
  label,
  hint,
  error,
  markOptional,
  id,
  required,
  className,
  type = "text",
  ...inputProps
}: TextFieldProps) {
  const fieldId = useFieldId(name, id);
  return (
    <FieldFrame
      id={fieldId}
      label={label}
      hint={hint}
      error={error}
      required={required}
      markOptional={markOptional}
      className={className}
    >
      {(describedBy) => (
        <input
          id={fieldId}
          name={name}
          type={type}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cx(controlClasses, "min-h-11", error ? "border-danger-700" : "border-ink-muted")}
          {...inputProps}
        />
      )}
    </FieldFrame>
  );
}

export type TextAreaFieldProps = Omit<ComponentProps<"textarea">, "id" | "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  markOptional?: boolean;
  id?: string;
};

/** For free text: a nursing note, the reason for an emergency access, a correction request. */
export function TextAreaField({
  name,
  label,
  hint,
  error,
  markOptional,
  id,
  required,
  className,
  rows = 5,
  ...textareaProps
}: TextAreaFieldProps) {
  const fieldId = useFieldId(name, id);
  return (
    <FieldFrame
      id={fieldId}
      label={label}
      hint={hint}
      error={error}
      required={required}
      markOptional={markOptional}
      className={className}
    >
      {(describedBy) => (
        <textarea
          id={fieldId}
          name={name}
          rows={rows}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cx(controlClasses, error ? "border-danger-700" : "border-ink-muted")}
          {...textareaProps}
        />
      )}
    </FieldFrame>
  );
}
