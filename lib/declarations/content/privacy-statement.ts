// The privacy statement of the portal, version 1. Written for this portal, not copied from any
// provider. The organisation's name and contact details are placeholders filled at display time.
import { composeDocument, type LocalizedDocument, type Section } from "./types";

export const PRIVACY_STATEMENT_VERSIONS = [1] as const;
export const CURRENT_PRIVACY_STATEMENT_VERSION = 1;

const title = {
  "nl-BE": "Privacyverklaring van het patiëntenportaal",
  "fr-BE": "Déclaration de confidentialité du portail patient",
  en: "Privacy statement of the patient portal",
};

const sections: Section[] = [
  {
    since: 1,
    "nl-BE":
      "Deze verklaring legt uit welke persoonsgegevens {organisation} verwerkt wanneer je het online verpleegdossier gebruikt, waarom, hoe lang, met wie ze gedeeld worden en welke rechten je hebt.",
    "fr-BE":
      "La présente déclaration explique quelles données à caractère personnel {organisation} traite lorsque vous utilisez le dossier infirmier en ligne, pourquoi, pendant combien de temps, avec qui elles sont partagées et quels sont vos droits.",
    en: "This statement explains which personal data {organisation} processes when you use the online nursing file, why, for how long, with whom it is shared and what rights you have.",
  },
  {
    since: 1,
    "nl-BE":
      "Verwerkingsverantwoordelijke\n{organisation} is verantwoordelijk voor de verwerking van je gegevens. Je bereikt onze functionaris voor gegevensbescherming op {privacyEmail} en het servicecenter op {serviceCenterPhone}.",
    "fr-BE":
      "Responsable du traitement\n{organisation} est responsable du traitement de vos données. Vous pouvez joindre notre délégué à la protection des données à {privacyEmail} et le service center au {serviceCenterPhone}.",
    en: "Controller\n{organisation} is the controller of your data. You can reach our data protection officer at {privacyEmail} and the service center on {serviceCenterPhone}.",
  },
  {
    since: 1,
    "nl-BE": [
      "Waarvoor we je gegevens gebruiken",
      "- het verpleegdossier bijhouden en de thuisverpleging organiseren;",
      "- het dossier online ter beschikking stellen van jou, van de vertrouwenspersonen die je aanduidt, en van je behandelend arts en andere zorgverleners met wie je een therapeutische relatie hebt, met je toestemming;",
      "- correcties en andere verzoeken over je gegevens behandelen;",
      "- elke toegang loggen, misbruik opsporen en de beveiliging van het portaal verzekeren;",
      "- de zorg aanrekenen aan je ziekenfonds.",
      "We gebruiken je gegevens niet voor reclame en verkopen ze aan niemand.",
    ].join("\n"),
    "fr-BE": [
      "À quelles fins nous utilisons vos données",
      "- tenir le dossier infirmier et organiser les soins infirmiers à domicile ;",
      "- mettre le dossier à disposition en ligne pour vous, pour les personnes de confiance que vous désignez, ainsi que pour votre médecin traitant et d'autres prestataires de soins avec qui vous avez une relation thérapeutique, avec votre consentement ;",
      "- traiter les corrections et autres demandes relatives à vos données ;",
      "- journaliser chaque accès, détecter les abus et assurer la sécurité du portail ;",
      "- facturer les soins à votre mutualité.",
      "Nous n'utilisons pas vos données à des fins publicitaires et ne les vendons à personne.",
    ].join("\n"),
    en: [
      "What we use your data for",
      "- keeping the nursing file and organising home nursing;",
      "- making the file available online to you, to the trusted persons you appoint, and to your treating doctor and other care professionals with whom you have a therapeutic relation, with your consent;",
      "- handling corrections and other requests about your data;",
      "- logging every access, detecting misuse and keeping the portal secure;",
      "- billing the care to your health insurance fund.",
      "We do not use your data for advertising and sell it to nobody.",
    ].join("\n"),
  },
  {
    since: 1,
    "nl-BE": [
      "Rechtsgrond",
      "- Gezondheidsgegevens zijn bijzondere persoonsgegevens. We verwerken ze voor het verstrekken van gezondheidszorg door beroepsbeoefenaars met beroepsgeheim (AVG artikel 9.2.h) en om wettelijke verplichtingen na te komen (AVG artikel 6.1.c): de wet betreffende de rechten van de patiënt van 22 augustus 2002 geeft je recht op een zorgvuldig bijgehouden dossier, en de wet van 22 april 2019 inzake de kwaliteitsvolle praktijkvoering in de gezondheidszorg verplicht ons het dossier bij te houden en te bewaren.",
      "- Het delen met je arts en andere zorgverleners buiten {organisation} steunt op je geïnformeerde toestemming (AVG artikels 6.1.a en 9.2.a), die je op elk moment kunt intrekken.",
      "- Het logboek en de beveiliging steunen op onze wettelijke plicht om gegevens te beveiligen (AVG artikel 32) en op ons gerechtvaardigd belang om misbruik te voorkomen (AVG artikel 6.1.f).",
    ].join("\n"),
    "fr-BE": [
      "Base juridique",
      "- Les données de santé sont des données sensibles. Nous les traitons aux fins de la prestation de soins de santé par des professionnels soumis au secret professionnel (RGPD article 9.2.h) et pour respecter nos obligations légales (RGPD article 6.1.c) : la loi du 22 août 2002 relative aux droits du patient vous donne droit à un dossier soigneusement tenu à jour, et la loi du 22 avril 2019 relative à la qualité de la pratique des soins de santé nous oblige à tenir et conserver le dossier.",
      "- Le partage avec votre médecin et d'autres prestataires de soins extérieurs à {organisation} repose sur votre consentement éclairé (RGPD articles 6.1.a et 9.2.a), que vous pouvez retirer à tout moment.",
      "- La journalisation et la sécurité reposent sur notre obligation légale de sécuriser les données (RGPD article 32) et sur notre intérêt légitime à prévenir les abus (RGPD article 6.1.f).",
    ].join("\n"),
    en: [
      "Legal basis",
      "- Health data are special-category data. We process them for the provision of health care by professionals bound by secrecy (GDPR Article 9(2)(h)) and to meet legal obligations (GDPR Article 6(1)(c)): the Belgian Patients' Rights Act of 22 August 2002 entitles you to a carefully kept file, and the Act of 22 April 2019 on quality of practice in health care obliges us to keep and retain the file.",
      "- Sharing with your doctor and other care professionals outside {organisation} rests on your informed consent (GDPR Articles 6(1)(a) and 9(2)(a)), which you can withdraw at any time.",
      "- The access log and security measures rest on our legal duty to secure data (GDPR Article 32) and on our legitimate interest in preventing misuse (GDPR Article 6(1)(f)).",
    ].join("\n"),
  },
  {
    since: 1,
    "nl-BE": [
      "Welke gegevens we bewaren",
      "- identificatie: naam, rijksregisternummer (INSZ), geboortedatum;",
      "- contactgegevens: adres, telefoon, e-mail;",
      "- gezondheidsgegevens: zorgplan, verpleegnotities, parameters, wondzorg, medicatieschema en geplande bezoeken;",
      "- sociale gegevens: woonsituatie, mantelzorgers, toegang tot de woning;",
      "- financieel-administratieve gegevens: ziekenfonds, aansluitingsnummer, derdebetalersregeling;",
      "- je keuzes in het portaal: vertrouwenspersonen, uitsluitingen, toestemming en aanvaarde verklaringen;",
      "- het toegangslogboek en de technische gegevens van je sessie.",
      "Van vertrouwenspersonen en zorgverleners bewaren we alleen identificatie- en contactgegevens en hun relatie met de patiënt.",
    ].join("\n"),
    "fr-BE": [
      "Quelles données nous conservons",
      "- identification : nom, numéro de registre national (NISS), date de naissance ;",
      "- coordonnées : adresse, téléphone, e-mail ;",
      "- données de santé : plan de soins, notes infirmières, paramètres, soins de plaies, schéma de médication et visites prévues ;",
      "- données sociales : situation de vie, aidants proches, accès au domicile ;",
      "- données administratives-financières : mutualité, numéro d'affiliation, régime du tiers payant ;",
      "- vos choix dans le portail : personnes de confiance, exclusions, consentement et déclarations acceptées ;",
      "- le journal des accès et les données techniques de votre session.",
      "Pour les personnes de confiance et les prestataires de soins, nous ne conservons que les données d'identification et de contact et leur relation avec le patient.",
    ].join("\n"),
    en: [
      "What data we keep",
      "- identification: name, national number (INSZ), date of birth;",
      "- contact details: address, phone, email;",
      "- health data: care plan, nursing notes, measurements, wound care, medication schedule and planned visits;",
      "- social data: living situation, informal carers, access to the home;",
      "- financial-administrative data: health insurance fund, membership number, third-party payment;",
      "- your choices in the portal: trusted persons, exclusions, consent and accepted declarations;",
      "- the access log and the technical data of your session.",
      "For trusted persons and care professionals we keep only identification and contact data and their relation with the patient.",
    ].join("\n"),
  },
  {
    since: 1,
    "nl-BE":
      "Hoe lang\nJe dossier blijft online beschikbaar tot 3 maanden na het einde van de zorg; daarna kun je een kopie vragen. Het verpleegdossier zelf bewaart {organisation} zo lang als de wet voorschrijft (minstens 30 jaar na het laatste contact). Het toegangslogboek bewaren we even lang als het dossier, zodat je altijd kunt nagaan wie het heeft geraadpleegd.",
    "fr-BE":
      "Combien de temps\nVotre dossier reste disponible en ligne jusqu'à 3 mois après la fin des soins ; vous pouvez ensuite en demander une copie. {organisation} conserve le dossier infirmier lui-même aussi longtemps que la loi l'impose (au moins 30 ans après le dernier contact). Nous conservons le journal des accès aussi longtemps que le dossier, afin que vous puissiez toujours vérifier qui l'a consulté.",
    en: "How long\nYour file stays available online until 3 months after the end of care; after that you can ask for a copy. {organisation} keeps the nursing file itself for as long as the law requires (at least 30 years after the last contact). We keep the access log as long as the file, so that you can always check who looked at it.",
  },
  {
    since: 1,
    "nl-BE": [
      "Wie je gegevens ontvangt",
      "- de verpleegkundigen van je zorgteam;",
      "- de vertrouwenspersonen die je zelf aanduidt, zolang je de aanduiding niet intrekt;",
      "- je behandelend arts en andere zorgverleners met een therapeutische relatie, alleen met je toestemming en als je hen niet uitsloot;",
      "- het servicecenter, alleen voor administratieve gegevens;",
      "- je ziekenfonds, voor de aanrekening;",
      "- onze IT-leveranciers, als verwerkers onder contract en alleen in de Europese Economische Ruimte.",
      "Een verpleegkundige buiten je zorgteam kan in een noodsituatie tijdelijk toegang nemen, met een verplichte reden; je ziet dat in je toegangslogboek en we controleren het achteraf.",
    ].join("\n"),
    "fr-BE": [
      "Qui reçoit vos données",
      "- les infirmiers de votre équipe de soins ;",
      "- les personnes de confiance que vous désignez vous-même, tant que vous ne retirez pas la désignation ;",
      "- votre médecin traitant et d'autres prestataires de soins ayant une relation thérapeutique, uniquement avec votre consentement et si vous ne les avez pas exclus ;",
      "- le service center, uniquement pour les données administratives ;",
      "- votre mutualité, pour la facturation ;",
      "- nos fournisseurs informatiques, en tant que sous-traitants sous contrat et uniquement dans l'Espace économique européen.",
      "Un infirmier extérieur à votre équipe de soins peut, en cas d'urgence, obtenir un accès temporaire, avec une raison obligatoire ; vous le voyez dans votre journal des accès et nous le vérifions ensuite.",
    ].join("\n"),
    en: [
      "Who receives your data",
      "- the nurses of your care team;",
      "- the trusted persons you appoint yourself, for as long as you do not revoke the appointment;",
      "- your treating doctor and other care professionals with a therapeutic relation, only with your consent and if you have not excluded them;",
      "- the service center, for administrative data only;",
      "- your health insurance fund, for billing;",
      "- our IT suppliers, as processors under contract and only within the European Economic Area.",
      "A nurse outside your care team can take temporary access in an emergency, with a mandatory reason; you see it in your access log and we review it afterwards.",
    ].join("\n"),
  },
  {
    since: 1,
    "nl-BE": [
      "Je rechten",
      "- inzage: je leest je dossier in het portaal en kunt een kopie vragen;",
      "- verbetering: onjuiste of onvolledige feiten laten we binnen 4 weken verbeteren; bij een professionele beoordeling kun je je eigen opmerking laten toevoegen;",
      "- wissing, voor zover de wettelijke bewaarplicht dat toelaat;",
      "- beperking van de verwerking en bezwaar ertegen;",
      "- overdraagbaarheid: een export van je gegevens in een gangbaar, machineleesbaar formaat;",
      "- je toestemming voor het delen met zorgverleners op elk moment intrekken, zonder dat dit de zorg van {organisation} zelf beïnvloedt;",
      "- een zorgverlener uitsluiten.",
      "Je oefent deze rechten uit in het portaal, via het servicecenter ({serviceCenterPhone}) of via {privacyEmail}. We antwoorden binnen 4 weken.",
    ].join("\n"),
    "fr-BE": [
      "Vos droits",
      "- accès : vous lisez votre dossier dans le portail et pouvez en demander une copie ;",
      "- rectification : nous faisons corriger dans les 4 semaines les faits inexacts ou incomplets ; pour une évaluation professionnelle, vous pouvez faire ajouter votre propre commentaire ;",
      "- effacement, dans la mesure où l'obligation légale de conservation le permet ;",
      "- limitation du traitement et opposition à celui-ci ;",
      "- portabilité : un export de vos données dans un format courant et lisible par machine ;",
      "- retirer à tout moment votre consentement au partage avec des prestataires de soins, sans que cela n'affecte les soins de {organisation} elle-même ;",
      "- exclure un prestataire de soins.",
      "Vous exercez ces droits dans le portail, via le service center ({serviceCenterPhone}) ou via {privacyEmail}. Nous répondons dans les 4 semaines.",
    ].join("\n"),
    en: [
      "Your rights",
      "- access: you read your file in the portal and can ask for a copy;",
      "- rectification: we have incorrect or incomplete facts corrected within 4 weeks; for a professional assessment you can have your own comment added;",
      "- erasure, as far as the legal duty to retain the file allows;",
      "- restriction of processing and objection to it;",
      "- portability: an export of your data in a common, machine-readable format;",
      "- withdrawing your consent to sharing with care professionals at any time, without affecting the care {organisation} itself provides;",
      "- excluding a care professional.",
      "You exercise these rights in the portal, through the service center ({serviceCenterPhone}) or at {privacyEmail}. We answer within 4 weeks.",
    ].join("\n"),
  },
  {
    since: 1,
    "nl-BE":
      "Toegangslogboek\nElke toegang tot je dossier wordt vastgelegd: wie, in welke rol, wanneer, welk onderdeel en of de toegang werd toegestaan of geweigerd. Je ziet dit logboek zelf in het portaal. Het logboek kan achteraf niet gewijzigd worden. Zie je een raadpleging die je niet verwacht, meld het dan aan {privacyEmail}.",
    "fr-BE":
      "Journal des accès\nChaque accès à votre dossier est enregistré : qui, dans quel rôle, quand, quelle partie et si l'accès a été accordé ou refusé. Vous voyez vous-même ce journal dans le portail. Il ne peut pas être modifié a posteriori. Si vous voyez une consultation à laquelle vous ne vous attendiez pas, signalez-la à {privacyEmail}.",
    en: "Access log\nEvery access to your file is recorded: who, in which role, when, which part, and whether access was granted or refused. You see this log yourself in the portal. It cannot be altered afterwards. If you see an access you did not expect, report it to {privacyEmail}.",
  },
  {
    since: 1,
    "nl-BE":
      "Cookies\nHet portaal gebruikt alleen functionele cookies die nodig zijn om je aanmelding en je taalkeuze te onthouden. Analytische cookies plaatsen we alleen als je daar uitdrukkelijk voor kiest; je kunt die keuze altijd wijzigen. We gebruiken geen reclamecookies.",
    "fr-BE":
      "Cookies\nLe portail n'utilise que des cookies fonctionnels, nécessaires pour retenir votre connexion et votre choix de langue. Nous ne plaçons des cookies analytiques que si vous l'acceptez expressément ; vous pouvez modifier ce choix à tout moment. Nous n'utilisons pas de cookies publicitaires.",
    en: "Cookies\nThe portal uses only functional cookies needed to remember your login and your language choice. We set analytics cookies only if you explicitly opt in; you can change that choice at any time. We use no advertising cookies.",
  },
  {
    since: 1,
    "nl-BE":
      "Klacht\nBen je niet tevreden over hoe we met je gegevens omgaan, neem dan eerst contact op via {privacyEmail}. Je kunt ook klacht indienen bij de Gegevensbeschermingsautoriteit, Drukpersstraat 35, 1000 Brussel (www.gegevensbeschermingsautoriteit.be). Voor vragen over je rechten als patiënt kun je terecht bij de ombudsdienst patiëntenrechten.",
    "fr-BE":
      "Plainte\nSi vous n'êtes pas satisfait de la manière dont nous traitons vos données, contactez-nous d'abord via {privacyEmail}. Vous pouvez aussi introduire une plainte auprès de l'Autorité de protection des données, rue de la Presse 35, 1000 Bruxelles (www.autoriteprotectiondonnees.be). Pour les questions relatives à vos droits de patient, vous pouvez vous adresser au service de médiation droits du patient.",
    en: "Complaints\nIf you are not satisfied with how we handle your data, please contact us first at {privacyEmail}. You can also lodge a complaint with the Belgian Data Protection Authority, Rue de la Presse / Drukpersstraat 35, 1000 Brussels (www.dataprotectionauthority.be). For questions about your rights as a patient, you can turn to the patient-rights ombudsman service.",
  },
  {
    since: 1,
    "nl-BE":
      "Wijzigingen\nWijzigt deze verklaring, dan tonen we de nieuwe versie in het portaal met de datum waarop ze ingaat. Eerdere versies blijven opvraagbaar.",
    "fr-BE":
      "Modifications\nSi cette déclaration change, nous affichons la nouvelle version dans le portail avec sa date d'entrée en vigueur. Les versions antérieures restent disponibles sur demande.",
    en: "Changes\nIf this statement changes, we show the new version in the portal with the date it takes effect. Earlier versions remain available on request.",
  },
];

export function privacyStatementText(version: (typeof PRIVACY_STATEMENT_VERSIONS)[number]): LocalizedDocument {
  return composeDocument(title, sections, version);
}
