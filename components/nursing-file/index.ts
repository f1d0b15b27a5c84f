export { FileRefusal } from "./file-refusal";
export { NursingFileView, calendarDay } from "./nursing-file-view";
export { ReadOnlyFilePage } from "./read-only-file-page";
export { PatientCommentNote, PatientComments } from "./patient-comment";
export { PatientList } from "./patient-list";
