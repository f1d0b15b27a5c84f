// The schemas a form may check with in the browser, by name: a server component cannot hand a
// zod schema to a client component, but both sides import the very same objects from lib/, so
// the browser's check and the server action's (lib/http/action.ts) cannot drift apart.
import {
  ZAddNoteForm,
  ZCorrectNoteForm,
  ZCorrectVitalForm,
  ZEmergencyAccessForm,
  ZPlanVisitForm,
  ZRecordVitalForm,
  ZResolveCorrection,
  ZUpdateCarePlanItemForm,
} from "@/lib/nursing/schemas";
import { ZCorrectAdministrative, ZPublishDeclaration } from "@/lib/service-center/schemas";

export const formSchemas = {
  addNote: ZAddNoteForm,
  recordVital: ZRecordVitalForm,
  planVisit: ZPlanVisitForm,
  correctNote: ZCorrectNoteForm,
  correctVital: ZCorrectVitalForm,
  updateCarePlan: ZUpdateCarePlanItemForm,
  resolveCorrection: ZResolveCorrection,
  emergencyAccess: ZEmergencyAccessForm,
  correctAdministrative: ZCorrectAdministrative,
  publishDeclaration: ZPublishDeclaration,
} as const;

export type FormSchemaName = keyof typeof formSchemas;
