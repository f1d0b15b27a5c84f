export { FileRefusal } from "./file-refusal";
export { NursingFileView, PageLinks, calendarDay, type FilePaging } from "./nursing-file-view";
export { ReadOnlyFilePage } from "./read-only-file-page";
export { PatientCommentNote, PatientComments } from "./patient-comment";
export { PatientList } from "./patient-list";
