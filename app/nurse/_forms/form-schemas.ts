// The schemas a form may validate with in the browser, by name: a server component cannot hand
// a zod schema to a client component, but both import the very same objects from here.
import {
  ZAddNote,
  ZCorrectNote,
  ZCorrectVital,
  ZEmergencyAccessForm,
  ZPlanVisit,
  ZRecordVital,
  ZResolveCorrection,
  ZUpdateCarePlanItem,
} from "@/lib/nursing/schemas";
import { ZCorrectAdministrative, ZPublishDeclaration } from "@/lib/service-center/schemas";

export const formSchemas = {
  addNote: ZAddNote,
  recordVital: ZRecordVital,
  planVisit: ZPlanVisit,
  correctNote: ZCorrectNote,
  correctVital: ZCorrectVital,
  updateCarePlan: ZUpdateCarePlanItem,
  resolveCorrection: ZResolveCorrection,
  emergencyAccess: ZEmergencyAccessForm,
  correctAdministrative: ZCorrectAdministrative,
  publishDeclaration: ZPublishDeclaration,
} as const;

export type FormSchemaName = keyof typeof formSchemas;
