export { Alert, type AlertProps, type AlertTone } from "./alert";
export { Button, type ButtonProps } from "./button";
export { buttonClasses, type ButtonSize, type ButtonVariant } from "./button-styles";
export { Card, type CardProps } from "./card";
export { cx } from "./cx";
export { LinkButton, type LinkButtonProps } from "./link-button";
export { PageHeading, type PageHeadingProps } from "./page-heading";
export { SelectField, type SelectFieldProps } from "./select-field";
export { SubmitButton, type SubmitButtonProps } from "./submit-button";
export { TileLinks, type TileLink } from "./tile-links";
export {
  FieldFrame,
  TextAreaField,
  TextField,
  useFieldId,
  type FieldFrameProps,
  type TextAreaFieldProps,
  type TextFieldProps,
} from "./text-field";
