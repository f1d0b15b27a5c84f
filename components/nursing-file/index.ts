export { FileRefusal } from "./file-refusal";
export { NursingFileView, calendarDay } from "./nursing-file-view";
