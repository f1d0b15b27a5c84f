// The user declarations (gebruikersverklaringen), one per role, versions 1 to 4. Version 4 is the
// current, complete text; versions 1 to 3 are the shorter texts users accepted earlier and stay
// stored unchanged, because an acceptance refers to the exact text that was shown.
// Written for this portal; modelled on the points Belgian home-nursing and mental-health
// providers cover, not copied from any of them.
import type { Role } from "@/lib/generated/prisma/enums";
import { composeDocument, type LocalizedDocument, type LocalizedTitle, type Section } from "./types";

export const DECLARATION_VERSIONS = [1, 2, 3, 4] as const;
export const CURRENT_DECLARATION_VERSION = 4;
export type DeclarationVersion = (typeof DECLARATION_VERSIONS)[number];

/**
 * The roles introduced with version 4 (ADR 0019) have no earlier texts: the version numbers are
 * one series for every role (version 4 is the September 2026 generation of texts), so their first
 * published text is version 4 and "the current version is 4 for every role" stays true.
 */
const ROLES_SINCE_VERSION_4: readonly Role[] = ["COORDINATOR", "PRIVACY_OFFICER", "LEGAL_REPRESENTATIVE"];

/** The versions published for a role. */
export function declarationVersionsOf(role: Role): readonly DeclarationVersion[] {
  return ROLES_SINCE_VERSION_4.includes(role) ? [4] : DECLARATION_VERSIONS;
}

// ---------------------------------------------------------------------------------------------
// Sections every role shares
// ---------------------------------------------------------------------------------------------

const intro: Section = {
  since: 1,
  "nl-BE":
    "Via dit portaal stelt {organisation} het elektronisch verpleegdossier online ter beschikking. Met deze verklaring bevestig je dat je het portaal gebruikt zoals hieronder beschreven. Je aanvaardt ze voor je eerste toegang en opnieuw telkens er een nieuwe versie is.",
  "fr-BE":
    "Par ce portail, {organisation} met le dossier infirmier électronique à disposition en ligne. Par la présente déclaration, vous confirmez que vous utilisez le portail comme décrit ci-dessous. Vous l'acceptez avant votre premier accès et à nouveau chaque fois qu'une nouvelle version est publiée.",
  en: "Through this portal, {organisation} makes the electronic nursing file available online. With this declaration you confirm that you use the portal as described below. You accept it before your first access and again whenever a new version is published.",
};

const loggingBasic: Section = {
  since: 1,
  until: 2,
  "nl-BE": "Elke raadpleging van een dossier wordt geregistreerd.",
  "fr-BE": "Chaque consultation d'un dossier est enregistrée.",
  en: "Every time a file is viewed, this is recorded.",
};

const logging: Section = {
  since: 3,
  "nl-BE":
    "Elke toegang wordt gelogd, ook een geweigerde: wie, in welke rol, welk dossier, welk onderdeel, wanneer en of de toegang werd toegestaan. De patiënt ziet in het portaal wie zijn of haar dossier heeft geraadpleegd. {organisation} controleert het logboek, ook steekproefsgewijs.",
  "fr-BE":
    "Chaque accès est journalisé, même un accès refusé : qui, dans quel rôle, quel dossier, quelle partie, quand et si l'accès a été accordé. Le patient voit dans le portail qui a consulté son dossier. {organisation} contrôle ce journal, y compris par sondage.",
  en: "Every access is logged, including a refused one: who, in which role, which file, which part, when, and whether access was granted. Patients see in the portal who looked at their file. {organisation} reviews the log, including by random checks.",
};

const personalLogin: Section = {
  since: 2,
  "nl-BE": [
    "Je aanmelding is strikt persoonlijk:",
    "- Je meldt je aan met je eigen eID of itsme en laat niemand anders in jouw naam aanmelden.",
    "- Je geeft je pincode, codes of wachtwoord nooit door.",
    "- Je meldt je af na gebruik en laat een scherm met gegevens nooit onbeheerd achter.",
    "- Vermoed je dat iemand anders je account gebruikt, bel dan meteen het servicecenter op {serviceCenterPhone}.",
  ].join("\n"),
  "fr-BE": [
    "Votre connexion est strictement personnelle :",
    "- Vous vous connectez avec votre propre eID ou itsme et ne laissez personne se connecter en votre nom.",
    "- Vous ne communiquez jamais votre code PIN, vos codes ou votre mot de passe.",
    "- Vous vous déconnectez après usage et ne laissez jamais un écran affichant des données sans surveillance.",
    "- Si vous soupçonnez qu'une autre personne utilise votre compte, appelez immédiatement le service center au {serviceCenterPhone}.",
  ].join("\n"),
  en: [
    "Your login is strictly personal:",
    "- You log in with your own eID or itsme and let nobody else log in on your behalf.",
    "- You never pass on your PIN, codes or password.",
    "- You log out after use and never leave a screen showing data unattended.",
    "- If you suspect someone else is using your account, call the service center at once on {serviceCenterPhone}.",
  ].join("\n"),
};

const misuseProfessional: Section = {
  since: 2,
  "nl-BE":
    "Wie deze verklaring niet naleeft, pleegt misbruik. Bij een vermoeden van misbruik, zoals het systematisch opvragen van dossiers zonder zorgrelatie, blokkeert het portaal je toegang meteen, tot het servicecenter of de functionaris voor gegevensbescherming de feiten heeft onderzocht. {organisation} kan je toegang definitief intrekken, de feiten melden aan je beroepsorde of toezichthouder en gerechtelijke stappen zetten.",
  "fr-BE":
    "Ne pas respecter cette déclaration constitue un abus. En cas de suspicion d'abus, comme la consultation systématique de dossiers sans relation de soins, le portail bloque immédiatement votre accès jusqu'à ce que le service center ou le délégué à la protection des données ait examiné les faits. {organisation} peut retirer définitivement votre accès, signaler les faits à votre ordre professionnel ou à l'autorité de contrôle et entamer des poursuites.",
  en: "Not complying with this declaration is misuse. When misuse is suspected, such as systematically requesting files without a care relation, the portal blocks your access at once until the service center or the data protection officer has examined the facts. {organisation} may withdraw your access permanently, report the facts to your professional body or supervisory authority, and take legal action.",
};

const misuseCitizen: Section = {
  since: 2,
  "nl-BE":
    "Wordt het portaal misbruikt, bijvoorbeeld door te proberen dossiers van andere personen te openen, dan blokkeert {organisation} de toegang tot de feiten zijn onderzocht.",
  "fr-BE":
    "En cas d'usage abusif du portail, par exemple en tentant d'ouvrir les dossiers d'autres personnes, {organisation} bloque l'accès jusqu'à ce que les faits aient été examinés.",
  en: "If the portal is misused, for example by trying to open other people's files, {organisation} blocks access until the facts have been examined.",
};

const contact: Section = {
  since: 4,
  "nl-BE":
    "Vragen over deze verklaring of over hoe {organisation} met je gegevens omgaat? Lees de privacyverklaring in het portaal, bel het servicecenter op {serviceCenterPhone} of mail de functionaris voor gegevensbescherming op {privacyEmail}.",
  "fr-BE":
    "Des questions sur cette déclaration ou sur la manière dont {organisation} traite vos données ? Lisez la déclaration de confidentialité dans le portail, appelez le service center au {serviceCenterPhone} ou écrivez au délégué à la protection des données à {privacyEmail}.",
  en: "Questions about this declaration or about how {organisation} handles your data? Read the privacy statement in the portal, call the service center on {serviceCenterPhone} or email the data protection officer at {privacyEmail}.",
};

const acceptance: Section = {
  since: 1,
  "nl-BE":
    'Door op "Ik ga akkoord" te klikken, verklaar je dat je deze tekst gelezen hebt en dat je je eraan zult houden.',
  "fr-BE": "En cliquant sur « J'accepte », vous déclarez avoir lu ce texte et vous engagez à le respecter.",
  en: 'By clicking "I agree", you declare that you have read this text and will abide by it.',
};

// Doctors, caregivers and nurses are bound by professional secrecy; the wording is shared.
const professionalSecrecy: Section = {
  since: 1,
  "nl-BE":
    "Je bent gebonden door het beroepsgeheim (artikel 458 van het Strafwetboek) en door de deontologie van je beroep. Wat je in het portaal leest, gebruik je alleen voor de zorg van de betrokken patiënt en deel je alleen met wie rechtstreeks bij die zorg betrokken is en het moet weten.",
  "fr-BE":
    "Vous êtes tenu au secret professionnel (article 458 du Code pénal) et à la déontologie de votre profession. Ce que vous lisez dans le portail, vous ne l'utilisez que pour les soins du patient concerné et ne le partagez qu'avec les personnes directement impliquées dans ces soins qui doivent en avoir connaissance.",
  en: "You are bound by professional secrecy (Article 458 of the Belgian Criminal Code) and by the ethics of your profession. What you read in the portal you use only for the care of the patient concerned, and you share it only with those directly involved in that care who need to know.",
};

// Staff of the organisation who are no care professionals: the service center, the coordinator,
// the data protection officer.
const staffDiscretion: Section = {
  since: 1,
  "nl-BE":
    "Je bent gebonden door de discretieplicht uit je arbeidsovereenkomst en door het beroepsgeheim van de zorgverleners met wie je samenwerkt (artikel 458 van het Strafwetboek). Wat je in het portaal ziet, deel je met niemand die het niet voor zijn of haar taak nodig heeft.",
  "fr-BE":
    "Vous êtes tenu au devoir de discrétion prévu par votre contrat de travail et au secret professionnel partagé avec les prestataires de soins avec lesquels vous collaborez (article 458 du Code pénal). Ce que vous voyez dans le portail, vous ne le partagez avec personne qui n'en a pas besoin pour sa mission.",
  en: "You are bound by the duty of discretion in your employment contract and by the professional secrecy of the care professionals you work with (Article 458 of the Belgian Criminal Code). What you see in the portal you share with nobody who does not need it for their task.",
};

// ---------------------------------------------------------------------------------------------
// Doctors and other caregivers: the same conditions of access, different scope of care
// ---------------------------------------------------------------------------------------------

function externalCaregiverSections(kind: "doctor" | "caregiver"): Section[] {
  const who =
    kind === "doctor"
      ? { nl: "behandelend arts", fr: "médecin traitant", en: "treating doctor" }
      : {
          nl: "zorgverlener (bijvoorbeeld kinesitherapeut, apotheker, ergotherapeut of diëtist)",
          fr: "prestataire de soins (par exemple kinésithérapeute, pharmacien, ergothérapeute ou diététicien)",
          en: "care professional (for example physiotherapist, pharmacist, occupational therapist or dietitian)",
        };
  return [
    intro,
    {
      since: 1,
      until: 2,
      "nl-BE": `Als ${who.nl} mag je het verpleegdossier raadplegen van patiënten die je behandelt, met hun toestemming.`,
      "fr-BE": `En tant que ${who.fr}, vous pouvez consulter le dossier infirmier des patients que vous traitez, avec leur consentement.`,
      en: `As a ${who.en}, you may view the nursing file of patients you treat, with their consent.`,
    },
    {
      since: 3,
      "nl-BE": [
        `Als ${who.nl} mag je het verpleegdossier van een patiënt alleen lezen wanneer al deze voorwaarden vervuld zijn:`,
        "- je hebt een therapeutische relatie met die patiënt: je bent op dit moment bij zijn of haar zorg betrokken;",
        "- de patiënt heeft zijn of haar geïnformeerde toestemming voor het delen van gezondheidsgegevens gegeven en niet ingetrokken;",
        "- de patiënt heeft jou niet uitgesloten;",
        "- het dossier is nog online beschikbaar: tot 3 maanden na het einde van de thuisverpleging.",
        "Het portaal controleert die voorwaarden bij elke toegang. Je kunt in het dossier niets wijzigen.",
      ].join("\n"),
      "fr-BE": [
        `En tant que ${who.fr}, vous ne pouvez lire le dossier infirmier d'un patient que si toutes ces conditions sont remplies :`,
        "- vous avez une relation thérapeutique avec ce patient : vous êtes actuellement impliqué dans ses soins ;",
        "- le patient a donné son consentement éclairé au partage de ses données de santé et ne l'a pas retiré ;",
        "- le patient ne vous a pas exclu ;",
        "- le dossier est encore disponible en ligne : jusqu'à 3 mois après la fin des soins infirmiers à domicile.",
        "Le portail vérifie ces conditions à chaque accès. Vous ne pouvez rien modifier dans le dossier.",
      ].join("\n"),
      en: [
        `As a ${who.en}, you may read a patient's nursing file only when all of these conditions hold:`,
        "- you have a therapeutic relation with that patient: you are currently involved in their care;",
        "- the patient has given informed consent to sharing their health data and has not withdrawn it;",
        "- the patient has not excluded you;",
        "- the file is still available online: until 3 months after the end of home nursing.",
        "The portal checks these conditions at every access. You cannot change anything in the file.",
      ].join("\n"),
    },
    {
      since: 3,
      "nl-BE": [
        "Je raadpleegt een dossier alleen voor een concrete zorgvraag over die patiënt. Dat betekent:",
        "- je bevraagt het portaal niet systematisch: je overloopt geen patiëntenlijsten en probeert geen rijksregisternummers of dossiernummers uit;",
        kind === "doctor"
          ? "- je gebruikt de gegevens niet voor controlegeneeskunde, arbeidsgeneeskunde, verzekeringsgeneeskunde, wetenschappelijk onderzoek of commerciële doeleinden;"
          : "- je leest alleen wat je voor je eigen zorgopdracht nodig hebt, en gebruikt de gegevens niet voor controle, verzekering, wetenschappelijk onderzoek of commerciële doeleinden;",
        "- heeft de patiënt je uitgesloten of de toestemming ingetrokken, dan respecteer je dat en zoek je geen omweg, ook niet via een collega of een andere rol.",
      ].join("\n"),
      "fr-BE": [
        "Vous ne consultez un dossier que pour une question de soins concrète concernant ce patient. Cela signifie :",
        "- vous n'interrogez pas le portail de manière systématique : vous ne parcourez pas de listes de patients et n'essayez pas de numéros de registre national ou de numéros de dossier ;",
        kind === "doctor"
          ? "- vous n'utilisez pas les données pour la médecine de contrôle, la médecine du travail, la médecine d'assurance, la recherche scientifique ou à des fins commerciales ;"
          : "- vous ne lisez que ce dont vous avez besoin pour votre propre mission de soins, et n'utilisez pas les données à des fins de contrôle, d'assurance, de recherche scientifique ou commerciales ;",
        "- si le patient vous a exclu ou a retiré son consentement, vous le respectez et ne cherchez pas de détour, ni par un collègue ni par un autre rôle.",
      ].join("\n"),
      en: [
        "You open a file only for a concrete care question about that patient. This means:",
        "- you do not query the portal systematically: you do not browse lists of patients and do not try national numbers or file numbers;",
        kind === "doctor"
          ? "- you do not use the data for control medicine, occupational medicine, insurance medicine, scientific research or commercial purposes;"
          : "- you read only what you need for your own care task, and do not use the data for control, insurance, scientific research or commercial purposes;",
        "- if the patient has excluded you or withdrawn consent, you respect that and look for no way around it, neither through a colleague nor through another role.",
      ].join("\n"),
    },
    professionalSecrecy,
    loggingBasic,
    logging,
    {
      since: 4,
      "nl-BE":
        "Merk je in het dossier een fout of een onvolledigheid op, meld die dan via het portaal of aan het servicecenter ({serviceCenterPhone}). Een correctie van gezondheidsgegevens gebeurt door de verantwoordelijke verpleegkundige.",
      "fr-BE":
        "Si vous constatez une erreur ou une lacune dans le dossier, signalez-la via le portail ou au service center ({serviceCenterPhone}). Une correction de données de santé est effectuée par l'infirmier responsable.",
      en: "If you notice an error or an omission in the file, report it through the portal or to the service center ({serviceCenterPhone}). Health data are corrected by the responsible nurse.",
    },
    personalLogin,
    misuseProfessional,
    contact,
    acceptance,
  ];
}

// ---------------------------------------------------------------------------------------------
// Per role
// ---------------------------------------------------------------------------------------------

const patientSections: Section[] = [
  intro,
  {
    since: 1,
    "nl-BE":
      "Als patiënt lees je je eigen verpleegdossier zoals de verpleegkundigen van {organisation} het bijhouden: je identificatie- en contactgegevens, je zorgplan, de verpleegnotities, je parameters (zoals bloeddruk, pols, temperatuur, glycemie, gewicht en pijnscore), de wondzorg, je medicatieschema, de geplande bezoeken en je sociale en financieel-administratieve gegevens.",
    "fr-BE":
      "En tant que patient, vous lisez votre propre dossier infirmier tel que les infirmiers de {organisation} le tiennent : vos données d'identification et de contact, votre plan de soins, les notes infirmières, vos paramètres (tension artérielle, pouls, température, glycémie, poids et score de douleur par exemple), les soins de plaies, votre schéma de médication, les visites prévues et vos données sociales et administratives-financières.",
    en: "As a patient you read your own nursing file as the nurses of {organisation} keep it: your identification and contact details, your care plan, the nursing notes, your measurements (such as blood pressure, pulse, temperature, blood glucose, weight and pain score), wound care, your medication schedule, planned visits, and your social and financial-administrative data.",
  },
  {
    since: 1,
    until: 3,
    "nl-BE": [
      "In het portaal kun je ook:",
      "- vertrouwenspersonen aanduiden en die aanduiding weer intrekken;",
      "- zien wie je dossier heeft geraadpleegd;",
      "- een correctie vragen van gegevens die niet kloppen.",
    ].join("\n"),
    "fr-BE": [
      "Dans le portail, vous pouvez aussi :",
      "- désigner des personnes de confiance et retirer cette désignation ;",
      "- voir qui a consulté votre dossier ;",
      "- demander la correction de données inexactes.",
    ].join("\n"),
    en: [
      "In the portal you can also:",
      "- appoint trusted persons and revoke that appointment;",
      "- see who has looked at your file;",
      "- ask for incorrect data to be corrected.",
    ].join("\n"),
  },
  {
    since: 4,
    "nl-BE": [
      "Je hebt rechten over je gegevens, en het portaal helpt je ze uit te oefenen:",
      "- vertrouwenspersonen aanduiden en die aanduiding op elk moment intrekken;",
      "- een zorgverlener uitsluiten: die kan je dossier dan niet meer raadplegen, ook niet met een therapeutische relatie;",
      "- je geïnformeerde toestemming voor het delen met je arts en andere zorgverleners geven of intrekken;",
      "- zien wie je dossier heeft geraadpleegd, wanneer en in welke rol;",
      "- een correctie vragen: feitelijke fouten worden verbeterd, binnen 4 weken; een professionele beoordeling wordt niet herschreven, maar je kunt er je eigen opmerking naast zetten;",
      "- een kopie of een export van je dossier vragen, en beperking van of bezwaar tegen een verwerking.",
    ].join("\n"),
    "fr-BE": [
      "Vous avez des droits sur vos données, et le portail vous aide à les exercer :",
      "- désigner des personnes de confiance et retirer cette désignation à tout moment ;",
      "- exclure un prestataire de soins : il ne peut alors plus consulter votre dossier, même avec une relation thérapeutique ;",
      "- donner ou retirer votre consentement éclairé au partage avec votre médecin et d'autres prestataires de soins ;",
      "- voir qui a consulté votre dossier, quand et dans quel rôle ;",
      "- demander une correction : les erreurs factuelles sont corrigées dans les 4 semaines ; une évaluation professionnelle n'est pas réécrite, mais vous pouvez y ajouter votre propre commentaire ;",
      "- demander une copie ou un export de votre dossier, ainsi que la limitation d'un traitement ou vous y opposer.",
    ].join("\n"),
    en: [
      "You have rights over your data, and the portal helps you exercise them:",
      "- appoint trusted persons and revoke that appointment at any time;",
      "- exclude a care professional: they can then no longer view your file, not even with a therapeutic relation;",
      "- give or withdraw your informed consent to sharing with your doctor and other care professionals;",
      "- see who has looked at your file, when and in which role;",
      "- ask for a correction: factual errors are corrected within 4 weeks; a professional assessment is not rewritten, but you can add your own comment beside it;",
      "- ask for a copy or an export of your file, and for restriction of, or object to, processing.",
    ].join("\n"),
  },
  {
    since: 2,
    "nl-BE":
      "Een vertrouwenspersoon ziet je volledige dossier zolang je de aanduiding niet intrekt. Kies daarom iemand die je echt vertrouwt. Je eigen gegevens mag je delen met wie je wilt; doe dat bewust.",
    "fr-BE":
      "Une personne de confiance voit l'ensemble de votre dossier tant que vous ne retirez pas la désignation. Choisissez donc quelqu'un en qui vous avez réellement confiance. Vous pouvez partager vos propres données avec qui vous voulez ; faites-le en connaissance de cause.",
    en: "A trusted person sees your whole file for as long as you do not revoke the appointment, so choose someone you really trust. You may share your own data with whomever you like; do so deliberately.",
  },
  {
    since: 2,
    "nl-BE":
      "Het portaal vervangt geen gesprek met je verpleegkundige of arts. Heb je een vraag over wat je leest, stel ze dan aan je verpleegkundige. Bij een dringend probleem bel je je verpleegkundige, je huisarts of 112.",
    "fr-BE":
      "Le portail ne remplace pas un entretien avec votre infirmier ou votre médecin. Si vous avez une question sur ce que vous lisez, posez-la à votre infirmier. En cas de problème urgent, appelez votre infirmier, votre médecin généraliste ou le 112.",
    en: "The portal does not replace a conversation with your nurse or doctor. If you have a question about what you read, ask your nurse. In an emergency, call your nurse, your GP or 112.",
  },
  {
    since: 4,
    "nl-BE":
      "Je dossier blijft online beschikbaar tot 3 maanden na het einde van de zorg. Daarna kun je het niet meer in het portaal lezen, maar wel een kopie vragen via het servicecenter ({serviceCenterPhone}) of via {privacyEmail}. {organisation} bewaart het dossier zelf zo lang als de wet voorschrijft.",
    "fr-BE":
      "Votre dossier reste disponible en ligne jusqu'à 3 mois après la fin des soins. Ensuite, vous ne pouvez plus le lire dans le portail, mais vous pouvez en demander une copie via le service center ({serviceCenterPhone}) ou via {privacyEmail}. {organisation} conserve le dossier lui-même aussi longtemps que la loi l'impose.",
    en: "Your file stays available online until 3 months after the end of care. After that you can no longer read it in the portal, but you can ask for a copy through the service center ({serviceCenterPhone}) or at {privacyEmail}. {organisation} keeps the file itself for as long as the law requires.",
  },
  {
    since: 3,
    "nl-BE":
      "Zie je per vergissing gegevens van iemand anders, sluit ze dan, gebruik ze niet en meld het aan het servicecenter.",
    "fr-BE":
      "Si vous voyez par erreur les données d'une autre personne, fermez-les, ne les utilisez pas et signalez-le au service center.",
    en: "If you see someone else's data by mistake, close it, do not use it and report it to the service center.",
  },
  loggingBasic,
  logging,
  personalLogin,
  misuseCitizen,
  contact,
  acceptance,
];

const trustedPersonSections: Section[] = [
  intro,
  {
    since: 1,
    "nl-BE":
      "Een patiënt heeft jou aangeduid als vertrouwenspersoon. Zolang die aanduiding loopt, mag je het verpleegdossier van die patiënt lezen. Je kunt niets wijzigen. De patiënt kan de aanduiding op elk moment intrekken; je toegang vervalt dan meteen.",
    "fr-BE":
      "Un patient vous a désigné comme personne de confiance. Tant que cette désignation est en cours, vous pouvez lire le dossier infirmier de ce patient. Vous ne pouvez rien modifier. Le patient peut retirer la désignation à tout moment ; votre accès prend alors fin immédiatement.",
    en: "A patient has appointed you as their trusted person. For as long as the appointment runs, you may read that patient's nursing file. You cannot change anything. The patient can revoke the appointment at any time; your access then ends immediately.",
  },
  {
    since: 1,
    until: 2,
    "nl-BE": "Je gebruikt het dossier alleen om de patiënt bij te staan.",
    "fr-BE": "Vous n'utilisez le dossier que pour assister le patient.",
    en: "You use the file only to support the patient.",
  },
  {
    since: 3,
    "nl-BE": [
      "Je gebruikt wat je leest uitsluitend om:",
      "- de patiënt als mantelzorger bij te staan in het dagelijkse leven;",
      "- wat je opvalt te signaleren aan de verpleegkundige, de huisarts of het servicecenter.",
      "Je handelt nooit zelf op basis van het dossier: je past geen medicatie aan, verandert niets aan een behandeling of verzorging en neemt geen beslissingen in de plaats van de patiënt of de zorgverleners. Twijfel je, vraag het dan aan de verpleegkundige.",
    ].join("\n"),
    "fr-BE": [
      "Vous utilisez ce que vous lisez uniquement pour :",
      "- assister le patient au quotidien en tant qu'aidant proche ;",
      "- signaler ce que vous remarquez à l'infirmier, au médecin généraliste ou au service center.",
      "Vous n'agissez jamais de votre propre initiative sur la base du dossier : vous n'adaptez pas la médication, ne modifiez ni traitement ni soins et ne prenez aucune décision à la place du patient ou des prestataires de soins. En cas de doute, demandez à l'infirmier.",
    ].join("\n"),
    en: [
      "You use what you read only to:",
      "- support the patient in daily life as an informal carer;",
      "- signal what you notice to the nurse, the GP or the service center.",
      "You never act on your own on the basis of the file: you do not adjust medication, change no treatment or care, and take no decisions in the place of the patient or the care professionals. When in doubt, ask the nurse.",
    ].join("\n"),
  },
  {
    since: 1,
    "nl-BE":
      "Wat je in het dossier leest is vertrouwelijk. Je deelt het met niemand, ook niet met familie, tenzij de patiënt dat wil, en je maakt geen kopieën of schermafbeeldingen om door te geven.",
    "fr-BE":
      "Ce que vous lisez dans le dossier est confidentiel. Vous ne le partagez avec personne, pas même avec la famille, sauf si le patient le souhaite, et vous ne faites ni copies ni captures d'écran pour les transmettre.",
    en: "What you read in the file is confidential. You share it with nobody, not even family, unless the patient wants you to, and you make no copies or screenshots to pass on.",
  },
  {
    since: 3,
    "nl-BE": "Je probeert geen dossiers te openen van andere personen dan de patiënten die jou hebben aangeduid.",
    "fr-BE": "Vous n'essayez pas d'ouvrir les dossiers d'autres personnes que les patients qui vous ont désigné.",
    en: "You do not try to open the files of anyone other than the patients who appointed you.",
  },
  {
    since: 2,
    "nl-BE":
      "Bij een dringend probleem bel je de verpleegkundige, de huisarts of 112; het portaal is geen alarmsysteem.",
    "fr-BE":
      "En cas de problème urgent, appelez l'infirmier, le médecin généraliste ou le 112 ; le portail n'est pas un système d'alarme.",
    en: "In an emergency, call the nurse, the GP or 112; the portal is not an alarm system.",
  },
  loggingBasic,
  logging,
  personalLogin,
  misuseCitizen,
  contact,
  acceptance,
];

const nurseSections: Section[] = [
  intro,
  {
    since: 1,
    "nl-BE":
      "Als verpleegkundige van {organisation} lees en vul je het verpleegdossier aan van de patiënten in wiens zorgteam je bent opgenomen. Buiten je zorgteam open je geen dossiers, ook niet van collega's, buren, familie of bekenden.",
    "fr-BE":
      "En tant qu'infirmier de {organisation}, vous lisez et complétez le dossier infirmier des patients dont vous faites partie de l'équipe de soins. En dehors de votre équipe de soins, vous n'ouvrez aucun dossier, pas même celui de collègues, de voisins, de membres de votre famille ou de connaissances.",
    en: "As a nurse of {organisation}, you read and complete the nursing file of the patients whose care team you belong to. Outside your care team you open no files, not even those of colleagues, neighbours, family or acquaintances.",
  },
  {
    since: 3,
    "nl-BE":
      "Heeft een patiënt jou uitgesloten, dan heb je geen toegang tot dat dossier, ook niet als lid van het zorgteam. Meld het aan je verantwoordelijke, zodat de zorg anders georganiseerd kan worden.",
    "fr-BE":
      "Si un patient vous a exclu, vous n'avez pas accès à son dossier, même en tant que membre de l'équipe de soins. Signalez-le à votre responsable afin que les soins puissent être organisés autrement.",
    en: "If a patient has excluded you, you have no access to that file, not even as a member of the care team. Tell your manager so that care can be organised differently.",
  },
  {
    since: 2,
    "nl-BE": [
      "Alleen in een dringende situatie waarin je een patiënt buiten je zorgteam moet verzorgen, mag je noodtoegang gebruiken:",
      "- je schrijft eerst de concrete reden op;",
      "- de noodtoegang is beperkt in de tijd en geldt alleen voor die patiënt;",
      "- ze wordt gelogd, door je verantwoordelijke of de functionaris voor gegevensbescherming nagekeken en is zichtbaar voor de patiënt;",
      "- noodtoegang zonder echte noodzaak is misbruik.",
    ].join("\n"),
    "fr-BE": [
      "Uniquement dans une situation urgente où vous devez soigner un patient en dehors de votre équipe de soins, vous pouvez utiliser l'accès d'urgence :",
      "- vous indiquez d'abord par écrit la raison concrète ;",
      "- l'accès d'urgence est limité dans le temps et ne vaut que pour ce patient ;",
      "- il est journalisé, vérifié par votre responsable ou le délégué à la protection des données et visible pour le patient ;",
      "- un accès d'urgence sans réelle nécessité constitue un abus.",
    ].join("\n"),
    en: [
      "Only in an urgent situation in which you must care for a patient outside your care team may you use emergency access:",
      "- you first write down the concrete reason;",
      "- emergency access is limited in time and applies to that patient only;",
      "- it is logged, reviewed by your manager or the data protection officer, and visible to the patient;",
      "- emergency access without a real need is misuse.",
    ].join("\n"),
  },
  {
    since: 1,
    until: 3,
    "nl-BE": "Je noteert zorgvuldig en tijdig wat je vaststelt en doet.",
    "fr-BE": "Vous notez avec soin et en temps utile ce que vous constatez et faites.",
    en: "You record carefully and promptly what you observe and do.",
  },
  {
    since: 4,
    "nl-BE": [
      "Je houdt het dossier zorgvuldig bij:",
      "- je noteert feitelijk, tijdig en volledig wat je vaststelt en doet;",
      "- je wijzigt een notitie alleen om een fout te verbeteren; de vorige versie blijft bewaard en is zichtbaar in de geschiedenis;",
      "- een professionele beoordeling herschrijf je niet op vraag van de patiënt; de patiënt kan er een eigen opmerking naast zetten;",
      "- als verantwoordelijke verpleegkundige behandel je de correctieverzoeken over gezondheidsgegevens die het servicecenter je bezorgt, binnen 4 weken.",
    ].join("\n"),
    "fr-BE": [
      "Vous tenez le dossier avec soin :",
      "- vous notez de manière factuelle, en temps utile et complète ce que vous constatez et faites ;",
      "- vous ne modifiez une note que pour corriger une erreur ; la version précédente est conservée et visible dans l'historique ;",
      "- vous ne réécrivez pas une évaluation professionnelle à la demande du patient ; le patient peut y ajouter son propre commentaire ;",
      "- en tant qu'infirmier responsable, vous traitez dans les 4 semaines les demandes de correction de données de santé que le service center vous transmet.",
    ].join("\n"),
    en: [
      "You keep the file carefully:",
      "- you record factually, promptly and completely what you observe and do;",
      "- you change a note only to correct an error; the previous version is kept and visible in the history;",
      "- you do not rewrite a professional assessment at the patient's request; the patient can add their own comment beside it;",
      "- as the responsible nurse, you handle within 4 weeks the requests to correct health data that the service center passes on to you.",
    ].join("\n"),
  },
  professionalSecrecy,
  {
    since: 3,
    "nl-BE":
      "Je tablet of computer vergrendel je wanneer je hem niet gebruikt, ook bij de patiënt thuis. Verlies of diefstal meld je dezelfde dag aan het servicecenter.",
    "fr-BE":
      "Vous verrouillez votre tablette ou votre ordinateur lorsque vous ne l'utilisez pas, y compris au domicile du patient. Vous signalez toute perte ou tout vol le jour même au service center.",
    en: "You lock your tablet or computer when you are not using it, also in the patient's home. You report loss or theft to the service center the same day.",
  },
  loggingBasic,
  logging,
  personalLogin,
  misuseProfessional,
  contact,
  acceptance,
];

const serviceCenterSections: Section[] = [
  intro,
  {
    since: 1,
    "nl-BE":
      "Als medewerker van het servicecenter van {organisation} behandel je vragen en correctieverzoeken van patiënten, vertrouwenspersonen en zorgverleners.",
    "fr-BE":
      "En tant que collaborateur du service center de {organisation}, vous traitez les questions et demandes de correction des patients, des personnes de confiance et des prestataires de soins.",
    en: "As a member of the service center of {organisation}, you handle questions and correction requests from patients, trusted persons and care professionals.",
  },
  {
    since: 1,
    "nl-BE": [
      "Je ziet en verbetert alleen administratieve gegevens: identificatie, contactgegevens, sociale en financieel-administratieve gegevens.",
      "- Je hebt geen toegang tot gezondheidsgegevens en probeert die ook niet te verkrijgen.",
      "- Gaat een verzoek over gezondheidsgegevens, dan stuur je het door naar de verantwoordelijke verpleegkundige van de patiënt.",
    ].join("\n"),
    "fr-BE": [
      "Vous ne voyez et ne corrigez que des données administratives : identification, coordonnées, données sociales et administratives-financières.",
      "- Vous n'avez pas accès aux données de santé et n'essayez pas de les obtenir.",
      "- Si une demande concerne des données de santé, vous la transmettez à l'infirmier responsable du patient.",
    ].join("\n"),
    en: [
      "You see and correct administrative data only: identification, contact details, social and financial-administrative data.",
      "- You have no access to health data and do not try to obtain it.",
      "- If a request concerns health data, you pass it on to the patient's responsible nurse.",
    ].join("\n"),
  },
  {
    since: 2,
    "nl-BE": [
      "Bij elke correctie:",
      "- geef je de reden op; de vorige waarde blijft bewaard en de patiënt kan de wijziging zien;",
      "- ga je eerst na wie de vraag stelt: je bespreekt of wijzigt geen gegevens zonder dat de identiteit van de aanvrager vaststaat;",
      "- beantwoord je het verzoek binnen 4 weken.",
    ].join("\n"),
    "fr-BE": [
      "Pour chaque correction :",
      "- vous indiquez la raison ; la valeur précédente est conservée et le patient peut voir la modification ;",
      "- vous vérifiez d'abord qui pose la question : vous ne discutez ni ne modifiez aucune donnée sans que l'identité du demandeur soit établie ;",
      "- vous répondez à la demande dans les 4 semaines.",
    ].join("\n"),
    en: [
      "For every correction:",
      "- you give the reason; the previous value is kept and the patient can see the change;",
      "- you first check who is asking: you discuss or change no data until the requester's identity is established;",
      "- you answer the request within 4 weeks.",
    ].join("\n"),
  },
  {
    since: 3,
    "nl-BE":
      "Je zoekt een patiënt alleen op voor een concreet verzoek of een concrete taak, nooit uit nieuwsgierigheid en niet systematisch.",
    "fr-BE":
      "Vous ne recherchez un patient que pour une demande ou une tâche concrète, jamais par curiosité ni de manière systématique.",
    en: "You look up a patient only for a concrete request or task, never out of curiosity and never systematically.",
  },
  {
    since: 4,
    "nl-BE":
      "Je behandelt de signalen van misbruik en de noodtoegangen die ter controle voorliggen. Een schorsing hef je alleen op na onderzoek en met een schriftelijke reden.",
    "fr-BE":
      "Vous traitez les signalements d'abus et les accès d'urgence soumis à vérification. Vous ne levez une suspension qu'après examen et avec une raison écrite.",
    en: "You handle the misuse alerts and the emergency accesses awaiting review. You lift a suspension only after examination and with a written reason.",
  },
  staffDiscretion,
  loggingBasic,
  logging,
  personalLogin,
  misuseProfessional,
  contact,
  acceptance,
];

// ---------------------------------------------------------------------------------------------
// Roles introduced with version 4: the coordinator, the data protection officer and the legal
// representative (ADR 0019). Their texts start at version 4.
// ---------------------------------------------------------------------------------------------

const coordinatorSections: Section[] = [
  intro,
  {
    since: 4,
    "nl-BE":
      "Als coördinator van {organisation} organiseer je de zorg rond het dossier: je schrijft patiënten in met hun rijksregisternummer, start en beëindigt zorgperiodes, stelt het zorgteam samen en duidt de verantwoordelijke verpleegkundige aan, en registreert therapeutische relaties en wettelijke vertegenwoordigers.",
    "fr-BE":
      "En tant que coordinateur de {organisation}, vous organisez les soins autour du dossier : vous inscrivez les patients avec leur numéro de registre national, commencez et clôturez les périodes de soins, composez l'équipe de soins et désignez l'infirmier responsable, et enregistrez les relations thérapeutiques et les représentants légaux.",
    en: "As a coordinator of {organisation}, you organise the care around the file: you register patients with their national number, start and end periods of care, put the care team together and appoint the responsible nurse, and record therapeutic relations and legal representatives.",
  },
  {
    since: 4,
    "nl-BE": [
      "Daarbij geldt:",
      "- je hebt geen toegang tot gezondheidsgegevens en probeert die ook niet te verkrijgen; je ziet alleen de inschrijving, de zorgperiodes, het zorgteam, de relaties en de vertegenwoordigers;",
      "- een therapeutische relatie of een vertegenwoordiger registreer je alleen met een bewijsstuk (bijvoorbeeld een verwijsbrief, een geboorteakte of een vonnis), waarvan je de referentie noteert;",
      "- een zorgperiode beëindig je op de werkelijke einddatum: vanaf dan blijft het dossier nog 3 maanden online;",
      "- je zoekt een patiënt alleen op voor een concrete taak, nooit uit nieuwsgierigheid en niet systematisch.",
    ].join("\n"),
    "fr-BE": [
      "Dans ce cadre :",
      "- vous n'avez pas accès aux données de santé et n'essayez pas de les obtenir ; vous ne voyez que l'inscription, les périodes de soins, l'équipe de soins, les relations et les représentants ;",
      "- vous n'enregistrez une relation thérapeutique ou un représentant qu'avec une pièce justificative (par exemple une lettre de renvoi, un acte de naissance ou un jugement), dont vous notez la référence ;",
      "- vous clôturez une période de soins à sa date de fin réelle : le dossier reste ensuite en ligne pendant 3 mois ;",
      "- vous ne recherchez un patient que pour une tâche concrète, jamais par curiosité ni de manière systématique.",
    ].join("\n"),
    en: [
      "In doing so:",
      "- you have no access to health data and do not try to obtain it; you see only the registration, the periods of care, the care team, the relations and the representatives;",
      "- you record a therapeutic relation or a representative only with a supporting document (for example a referral letter, a birth certificate or a court order), whose reference you note;",
      "- you end a period of care on its real end date: from then on the file stays online for 3 more months;",
      "- you look up a patient only for a concrete task, never out of curiosity and never systematically.",
    ].join("\n"),
  },
  staffDiscretion,
  logging,
  personalLogin,
  misuseProfessional,
  contact,
  acceptance,
];

const privacyOfficerSections: Section[] = [
  intro,
  {
    since: 4,
    "nl-BE":
      "Als functionaris voor gegevensbescherming van {organisation} zie je erop toe dat het portaal de privacy van de patiënten respecteert. Je onderzoekt het toegangslogboek met een opgegeven reden, behandelt meldingen en verzoeken van patiënten, bekijkt signalen van misbruik en steekproeven, en schorst gebruikers of heft een schorsing op, telkens met een reden.",
    "fr-BE":
      "En tant que délégué à la protection des données de {organisation}, vous veillez à ce que le portail respecte la vie privée des patients. Vous examinez le journal des accès en indiquant une raison, traitez les signalements et demandes des patients, examinez les signaux d'abus et les échantillons, et suspendez des utilisateurs ou levez une suspension, chaque fois avec une raison.",
    en: "As the data protection officer of {organisation}, you see to it that the portal respects the patients' privacy. You examine the access log with a stated reason, handle the patients' reports and requests, review misuse signals and random samples, and suspend users or lift a suspension, each time with a reason.",
  },
  {
    since: 4,
    "nl-BE": [
      "Daarbij geldt:",
      "- elke zoekopdracht in het toegangslogboek wordt zelf gelogd, met je reden;",
      "- je leest geen gezondheidsgegevens, tenzij een onderzoek dat vereist, en dan alleen via een gelogde beslissing;",
      "- je werkt onafhankelijk en deelt de resultaten van een onderzoek alleen met wie ze nodig heeft om op te treden.",
    ].join("\n"),
    "fr-BE": [
      "Dans ce cadre :",
      "- chaque recherche dans le journal des accès est elle-même journalisée, avec votre raison ;",
      "- vous ne lisez pas de données de santé, sauf si une enquête l'exige, et alors uniquement par une décision journalisée ;",
      "- vous travaillez de manière indépendante et ne partagez les résultats d'une enquête qu'avec ceux qui en ont besoin pour agir.",
    ].join("\n"),
    en: [
      "In doing so:",
      "- every search of the access log is itself logged, with your reason;",
      "- you read no health data unless an investigation requires it, and then only through a logged decision;",
      "- you work independently and share the results of an investigation only with those who need them to act.",
    ].join("\n"),
  },
  staffDiscretion,
  logging,
  personalLogin,
  misuseProfessional,
  contact,
  acceptance,
];

const legalRepresentativeSections: Section[] = [
  intro,
  {
    since: 4,
    "nl-BE":
      "Als wettelijk vertegenwoordiger (ouder, voogd of aangestelde vertegenwoordiger) handel je voor een patiënt die dat niet alleen kan. {organisation} registreert je vertegenwoordiging met een bewijsstuk, zoals een geboorteakte of een vonnis.",
    "fr-BE":
      "En tant que représentant légal (parent, tuteur ou représentant désigné), vous agissez pour un patient qui ne peut pas le faire seul. {organisation} enregistre votre représentation avec une pièce justificative, comme un acte de naissance ou un jugement.",
    en: "As a legal representative (parent, guardian or appointed representative), you act for a patient who cannot do so alone. {organisation} records your representation with a supporting document, such as a birth certificate or a court order.",
  },
  {
    since: 4,
    "nl-BE": [
      "Wat je mag, hangt af van de leeftijd van de patiënt op de dag zelf:",
      "- jonger dan 12 jaar: je leest het dossier en beheert de instellingen (toestemming, uitsluitingen, vertrouwenspersonen) in de plaats van het kind;",
      "- van 12 tot en met 15 jaar: het kind leest zelf; jij leest het dossier alleen zolang het kind daarmee akkoord gaat, en het kind kan dat akkoord in het portaal intrekken;",
      "- vanaf 16 jaar beslist de jongere alleen: je toegang als ouder eindigt vanzelf op de 16de verjaardag;",
      "- voor een meerderjarige die niet alleen kan handelen, handel je alleen als je daartoe bent aangesteld.",
    ].join("\n"),
    "fr-BE": [
      "Ce que vous pouvez faire dépend de l'âge du patient le jour même :",
      "- moins de 12 ans : vous lisez le dossier et gérez les paramètres (consentement, exclusions, personnes de confiance) à la place de l'enfant ;",
      "- de 12 à 15 ans inclus : l'enfant lit lui-même ; vous ne lisez le dossier que tant que l'enfant est d'accord, et l'enfant peut retirer cet accord dans le portail ;",
      "- à partir de 16 ans, le jeune décide seul : votre accès en tant que parent prend fin de lui-même le jour de ses 16 ans ;",
      "- pour un majeur qui ne peut pas agir seul, vous n'agissez que si vous avez été désigné à cet effet.",
    ].join("\n"),
    en: [
      "What you may do depends on the patient's age on the day itself:",
      "- under 12: you read the file and manage its settings (consent, exclusions, trusted persons) in the child's place;",
      "- from 12 to 15: the child reads the file itself; you read it only as long as the child agrees, and the child can withdraw that agreement in the portal;",
      "- from 16 on the young person decides alone: your access as a parent ends by itself on the 16th birthday;",
      "- for an adult who cannot act alone, you act only when you have been appointed to do so.",
    ].join("\n"),
  },
  {
    since: 4,
    "nl-BE":
      "Je gebruikt wat je leest alleen in het belang van de patiënt. Je deelt het met niemand die het niet nodig heeft en je probeert geen dossiers te openen van anderen dan de patiënten die je vertegenwoordigt.",
    "fr-BE":
      "Vous n'utilisez ce que vous lisez que dans l'intérêt du patient. Vous ne le partagez avec personne qui n'en a pas besoin et vous n'essayez pas d'ouvrir les dossiers d'autres personnes que les patients que vous représentez.",
    en: "You use what you read only in the patient's interest. You share it with nobody who does not need it, and you do not try to open the files of anyone other than the patients you represent.",
  },
  logging,
  personalLogin,
  misuseCitizen,
  contact,
  acceptance,
];

const titles = {
  PATIENT: {
    "nl-BE": "Gebruikersverklaring voor patiënten",
    "fr-BE": "Déclaration d'utilisation pour les patients",
    en: "User declaration for patients",
  },
  TRUSTED_PERSON: {
    "nl-BE": "Gebruikersverklaring voor vertrouwenspersonen",
    "fr-BE": "Déclaration d'utilisation pour les personnes de confiance",
    en: "User declaration for trusted persons",
  },
  DOCTOR: {
    "nl-BE": "Gebruikersverklaring voor behandelende artsen",
    "fr-BE": "Déclaration d'utilisation pour les médecins traitants",
    en: "User declaration for treating doctors",
  },
  CAREGIVER: {
    "nl-BE": "Gebruikersverklaring voor zorgverleners",
    "fr-BE": "Déclaration d'utilisation pour les prestataires de soins",
    en: "User declaration for care professionals",
  },
  NURSE: {
    "nl-BE": "Gebruikersverklaring voor verpleegkundigen",
    "fr-BE": "Déclaration d'utilisation pour les infirmiers",
    en: "User declaration for nurses",
  },
  SERVICE_CENTER: {
    "nl-BE": "Gebruikersverklaring voor medewerkers van het servicecenter",
    "fr-BE": "Déclaration d'utilisation pour les collaborateurs du service center",
    en: "User declaration for service center staff",
  },
  COORDINATOR: {
    "nl-BE": "Gebruikersverklaring voor coördinatoren",
    "fr-BE": "Déclaration d'utilisation pour les coordinateurs",
    en: "User declaration for coordinators",
  },
  PRIVACY_OFFICER: {
    "nl-BE": "Gebruikersverklaring voor de functionaris voor gegevensbescherming",
    "fr-BE": "Déclaration d'utilisation pour le délégué à la protection des données",
    en: "User declaration for the data protection officer",
  },
  LEGAL_REPRESENTATIVE: {
    "nl-BE": "Gebruikersverklaring voor wettelijk vertegenwoordigers",
    "fr-BE": "Déclaration d'utilisation pour les représentants légaux",
    en: "User declaration for legal representatives",
  },
} as const satisfies Record<Role, LocalizedTitle>;

const sectionsByRole = {
  PATIENT: patientSections,
  TRUSTED_PERSON: trustedPersonSections,
  DOCTOR: externalCaregiverSections("doctor"),
  CAREGIVER: externalCaregiverSections("caregiver"),
  NURSE: nurseSections,
  SERVICE_CENTER: serviceCenterSections,
  COORDINATOR: coordinatorSections,
  PRIVACY_OFFICER: privacyOfficerSections,
  LEGAL_REPRESENTATIVE: legalRepresentativeSections,
} as const satisfies Record<Role, Section[]>;

/** The text of one role's declaration in one version (one of declarationVersionsOf(role)). */
export function declarationText(role: Role, version: DeclarationVersion): LocalizedDocument {
  if (!declarationVersionsOf(role).includes(version))
    throw new RangeError(`no declaration version ${version} for role ${role}`);
  return composeDocument(titles[role], sectionsByRole[role], version);
}
