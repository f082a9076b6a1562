"""The demo's information platform library (issue 18 item 2), written for the project by
its dietitians: thirteen items for people with Parkinson's disease who have chewing or
swallowing problems and for their caregivers, each in nl-BE and English.

Sources the texts follow: the IDDSI framework (iddsi.org, food levels 3-7 and drink levels
0-4 with their fork, spoon and flow tests), the ESPEN guidelines on clinical nutrition and
hydration in geriatrics (2019, 2022) and on neurology (2018: levodopa and protein), the
GLIM criteria (2019) and the Belgian food agency's (FAVV-AFSCA) advice on chilling and
reheating. The rules assign ``swallowing-eat10`` (EAT-10 ≥ 3) and ``iddsi-level-N`` (a new
food level). The video links point at the provider's own media server (not part of the demo)."""
from __future__ import annotations

from datetime import date
from typing import Any

AUTHOR = {"nl-BE": "Lien Vandewalle, erkend diëtist — NutriPlat Roeselare",
          "en": "Lien Vandewalle, registered dietitian — NutriPlat Roeselare"}
REVIEWED = date(2026, 11, 16)
MEDIA = "https://media.nutriplat.example/video"


def _item(key: str, kind: str, topic: str, nl: tuple[str, str, str], en: tuple[str, str, str],
          url: str | None = None) -> list[dict[str, Any]]:
    """Both language versions of one item: (title, summary, body) each."""
    return [{"key": key, "kind": kind, "topic": topic, "lang": lang, "title": title, "summary": summary,
             "body": body, "url": url, "author": AUTHOR[lang], "reviewed_on": REVIEWED}
            for lang, (title, summary, body) in (("nl-BE", nl), ("en", en))]


LIBRARY: list[dict[str, Any]] = [
    *_item("swallowing-eat10", "leaflet", "texture_and_swallowing", (
        "Veilig slikken: tips bij slikproblemen",
        "Uw slikvragenlijst (EAT-10) wijst op slikproblemen. Zo eet en drinkt u veiliger.",
        "Uw score op de EAT-10-vragenlijst is 3 of meer: er zijn mogelijk slikproblemen. Uw diëtist "
        "bespreekt met uw huisarts of een logopedist een slikonderzoek.\n\n"
        "Tot dan:\n"
        "- Eet rechtop zittend (90°) en blijf na de maaltijd nog 30 minuten rechtop.\n"
        "- Neem kleine happen en kleine slokjes; slik elke hap door voor u de volgende neemt.\n"
        "- Praat niet met eten in de mond en eet zonder afleiding (geen tv).\n"
        "- Eet op het moment dat uw medicatie goed werkt.\n"
        "- Verzorg na elke maaltijd uw mond: etensresten kunnen in de longen terechtkomen.\n\n"
        "Meld het aan uw diëtist of huisarts als u hoest of kucht tijdens het eten, een natte of "
        "'borrelende' stem hebt na het slikken, koorts of een longontsteking krijgt, of afvalt."), (
        "Safe swallowing: tips for swallowing problems",
        "Your swallowing questionnaire (EAT-10) suggests swallowing problems. How to eat and drink more safely.",
        "Your EAT-10 score is 3 or more: you may have swallowing problems. Your dietitian will discuss a "
        "swallowing assessment with your GP or a speech and language therapist.\n\n"
        "Until then:\n"
        "- Eat sitting upright (90°) and stay upright for 30 minutes after the meal.\n"
        "- Take small bites and small sips; swallow each bite before taking the next.\n"
        "- Do not talk with food in your mouth and eat without distraction (no television).\n"
        "- Eat when your medication works well.\n"
        "- Clean your mouth after each meal: food left behind can end up in the lungs.\n\n"
        "Tell your dietitian or GP if you cough or clear your throat while eating, have a wet or "
        "gurgly voice after swallowing, develop a fever or a chest infection, or lose weight.")),
    *_item("iddsi-level-7", "leaflet", "texture_and_swallowing", (
        "IDDSI niveau 7: normaal en makkelijk te kauwen",
        "Gewone voeding; bij 'makkelijk te kauwen' (7EC) enkel zachte, malse stukken.",
        "Niveau 7 Normaal is alledaagse voeding in alle texturen. Niveau 7 Makkelijk te kauwen (7EC) is "
        "gewone voeding met een zachte, malse textuur: u moet kunnen bijten en kauwen, maar niet hard.\n\n"
        "Test: een stuk laat zich met de zijkant van een vork in stukken snijden en platdrukken.\n\n"
        "Vermijd bij 7EC: harde, taaie, vezelige of krokante stukken (noten, rauwe wortel, korsten, "
        "taai vlees), pitten en graten, en voedsel met dun vocht én brokken samen (soep met brokken)."), (
        "IDDSI level 7: regular and easy to chew",
        "Everyday food; 'easy to chew' (7EC) means only soft, tender pieces.",
        "Level 7 Regular is everyday food of any texture. Level 7 Easy to Chew (7EC) is everyday food "
        "with a soft, tender texture: you need to bite and chew, but not hard.\n\n"
        "Test: a piece can be cut and squashed with the side of a fork.\n\n"
        "Avoid at 7EC: hard, tough, fibrous or crunchy pieces (nuts, raw carrot, crusts, tough meat), "
        "pips and bones, and foods that mix thin liquid with lumps (soup with chunks).")),
    *_item("iddsi-level-6", "leaflet", "texture_and_swallowing", (
        "IDDSI niveau 6: zacht en in hapklare stukjes",
        "Zachte, malse, vochtige stukjes van maximaal 1,5 cm; kauwen is nog nodig.",
        "Op niveau 6 Zacht & hapklaar is alles zacht, mals en vochtig, in stukjes van hoogstens "
        "1,5 x 1,5 cm (de grootte van een duimnagel). Kauwen is nog nodig, afbijten niet.\n\n"
        "Vorkdruktest: druk met de vork op een stukje tot uw duimnagel wit wordt; het stukje wordt "
        "platgedrukt en komt niet terug in zijn vorm.\n\n"
        "Serveer met saus of jus, nooit droog. Geen brood, korsten, rauwe groenten, vezelig vlees, "
        "rijst die niet kleeft of dun vocht met brokken. Uw maaltijden van NutriPlat zijn op dit niveau bereid."), (
        "IDDSI level 6: soft and bite-sized",
        "Soft, tender, moist pieces of at most 1.5 cm; chewing is still needed.",
        "At level 6 Soft & Bite-Sized everything is soft, tender and moist, in pieces of at most "
        "1.5 x 1.5 cm (the size of a thumbnail). Chewing is needed; biting off is not.\n\n"
        "Fork pressure test: press a piece with a fork until your thumbnail turns white; the piece "
        "squashes and does not return to its shape.\n\n"
        "Serve with sauce or gravy, never dry. No bread, crusts, raw vegetables, stringy meat, rice "
        "that does not stick together, or thin liquid with lumps. Your NutriPlat meals are made at this level.")),
    *_item("iddsi-level-5", "leaflet", "texture_and_swallowing", (
        "IDDSI niveau 5: fijngemalen en smeuïg",
        "Zacht en vochtig met kleine klontjes tot 4 mm die u met de tong fijndrukt.",
        "Op niveau 5 Fijngemalen & smeuïg is het eten zacht en vochtig, met kleine klontjes van "
        "hoogstens 4 mm die u met de tong tegen het gehemelte fijndrukt. Bijten is niet nodig, weinig kauwen.\n\n"
        "Vorktest: het eten valt tussen de tanden van een vork (ongeveer 4 mm uit elkaar) en laat zich "
        "makkelijk platdrukken. Op een schuin gehouden lepel blijft het als een hoopje liggen en valt "
        "het er in één keer af.\n\n"
        "Geen losse, droge stukjes en geen dun vocht dat zich van het eten afscheidt: giet overtollig "
        "vocht of saus weg of bind het."), (
        "IDDSI level 5: minced and moist",
        "Soft and moist with small lumps of up to 4 mm that you squash with your tongue.",
        "At level 5 Minced & Moist food is soft and moist, with small lumps of at most 4 mm that you "
        "squash with your tongue against the palate. No biting is needed and little chewing.\n\n"
        "Fork test: the food fits between the prongs of a fork (about 4 mm apart) and squashes easily. "
        "On a tilted spoon it holds its shape and slides off in one go.\n\n"
        "No loose, dry bits and no thin liquid separating from the food: pour off or thicken extra "
        "liquid or sauce.")),
    *_item("iddsi-level-4", "leaflet", "texture_and_swallowing", (
        "IDDSI niveau 4: gepureerd",
        "Glad, zonder klontjes, houdt zijn vorm op een lepel; u hoeft niet te kauwen.",
        "Op niveau 4 Gepureerd is het eten helemaal glad, zonder klontjes, velletjes of vezels. "
        "U hoeft niet te kauwen; u eet het met een lepel.\n\n"
        "Lepeltest: het eten houdt zijn vorm op de lepel en valt er in één keer af als u de lepel "
        "kantelt; het is niet plakkerig. Vorktest: het druppelt niet door de tanden van een vork.\n\n"
        "Een purée die te lang staat, kan indrogen of vocht afscheiden: roer even en voeg zo nodig een "
        "beetje saus toe. Dun vocht (soep, koffie) drinkt u op het drankniveau dat de logopedist of "
        "diëtist voorschreef."), (
        "IDDSI level 4: pureed",
        "Smooth, without lumps, holds its shape on a spoon; no chewing needed.",
        "At level 4 Pureed food is completely smooth, without lumps, skins or fibres. You do not need "
        "to chew; you eat it with a spoon.\n\n"
        "Spoon tilt test: the food holds its shape on the spoon and falls off in a single spoonful when "
        "the spoon is tilted; it is not sticky. Fork test: it does not drip through the prongs of a fork.\n\n"
        "A purée left standing can dry out or weep liquid: stir it and add a little sauce if needed. "
        "Drink thin liquids (soup, coffee) at the drink level your speech therapist or dietitian prescribed.")),
    *_item("thickened-drinks", "leaflet", "fluid", (
        "Verdikte dranken: de IDDSI-drankniveaus",
        "Wat de niveaus 0 tot 4 betekenen en hoe u een drank juist verdikt en test.",
        "IDDSI beschrijft vijf drankniveaus: 0 dun (water), 1 zeer licht dik, 2 licht dik, 3 matig dik "
        "en 4 extreem dik. Hoe dikker, hoe trager de drank vloeit en hoe meer tijd u hebt om veilig te slikken.\n\n"
        "Stroomtest: vul een spuit van 10 ml, laat 10 seconden lopen en kijk wat overblijft: niveau 1 "
        "1 tot 4 ml, niveau 2 4 tot 8 ml, niveau 3 meer dan 8 ml. Niveau 4 vloeit niet en eet u met een lepel.\n\n"
        "Gebruik het verdikkingsmiddel en de hoeveelheid van het voorschrift, roer goed en wacht de "
        "aangegeven tijd. Ook soep, melk, koffie en drinkvoeding worden verdikt; ijs en gelatine "
        "smelten in de mond tot dun vocht en horen daar niet bij."), (
        "Thickened drinks: the IDDSI drink levels",
        "What levels 0 to 4 mean and how to thicken and test a drink correctly.",
        "IDDSI describes five drink levels: 0 thin (water), 1 slightly thick, 2 mildly thick, 3 moderately "
        "thick and 4 extremely thick. The thicker, the slower a drink flows and the more time you have to "
        "swallow safely.\n\n"
        "Flow test: fill a 10 ml syringe, let it flow for 10 seconds and see what is left: level 1 1 to "
        "4 ml, level 2 4 to 8 ml, level 3 more than 8 ml. Level 4 does not flow and is eaten with a spoon.\n\n"
        "Use the thickener and the amount prescribed, stir well and wait the time stated. Soup, milk, "
        "coffee and nutritional drinks are thickened too; ice cream and jelly melt into thin liquid in the "
        "mouth and are not allowed.")),
    *_item("fluid-daily", "article", "fluid", (
        "Genoeg drinken, ook met Parkinson",
        "Ongeveer 1,5 tot 2 liter per dag, verspreid over de dag: tegen verstopping en duizeligheid.",
        "Ouderen voelen minder dorst, en bij de ziekte van Parkinson komen verstopping en duizeligheid "
        "bij het rechtstaan (lage bloeddruk) vaak voor. Voldoende drinken helpt tegen beide.\n\n"
        "- Drink ongeveer 1,6 liter per dag (vrouwen) tot 2 liter (mannen), tenzij uw arts anders zegt.\n"
        "- Spreid het over de dag: een glas bij het opstaan, bij elke maaltijd en tussendoor; "
        "minder na 18 uur als u 's nachts vaak moet plassen.\n"
        "- Soep, melk, thee en koffie tellen mee.\n"
        "- Hebt u slikproblemen, drink dan op het voorgeschreven IDDSI-drankniveau.\n\n"
        "Signalen van te weinig drinken: donkere urine, droge mond, verwardheid, hoofdpijn. "
        "Uw mantelzorger kan in NutriPlat noteren hoeveel u dronk."), (
        "Drinking enough, also with Parkinson's",
        "About 1.5 to 2 litres a day, spread over the day: against constipation and dizziness.",
        "Older people feel less thirst, and in Parkinson's disease constipation and dizziness on standing "
        "up (low blood pressure) are common. Drinking enough helps with both.\n\n"
        "- Drink about 1.6 litres a day (women) to 2 litres (men), unless your doctor advises otherwise.\n"
        "- Spread it over the day: a glass when you get up, with every meal and in between; less after "
        "6 pm if you often pass urine at night.\n"
        "- Soup, milk, tea and coffee count.\n"
        "- If you have swallowing problems, drink at the prescribed IDDSI drink level.\n\n"
        "Signs of drinking too little: dark urine, dry mouth, confusion, headache. Your caregiver can "
        "record in NutriPlat how much you drank.")),
    *_item("levodopa-protein", "article", "parkinson_protein_timing", (
        "Levodopa en eiwit: het juiste moment",
        "Eiwit kan de opname van levodopa hinderen. Neem uw medicatie los van de maaltijd, maar eet genoeg eiwit.",
        "Levodopa wordt in de darm en naar de hersenen opgenomen via dezelfde weg als de bouwstenen van "
        "eiwit (aminozuren). Een eiwitrijke maaltijd vlak bij de inname kan de werking verzwakken of "
        "vertragen; u merkt dat als 'off'-momenten na het eten.\n\n"
        "- Neem levodopa ongeveer 30 minuten vóór de maaltijd of 60 minuten erna, met een glas water.\n"
        "- Wordt u misselijk, neem het dan met iets kleins zonder eiwit (een beschuit, wat appelmoes).\n"
        "- Bij schommelingen kan uw diëtist het eiwit anders over de dag verdelen: minder bij ontbijt en "
        "middag, meer 's avonds.\n\n"
        "Eet niet minder eiwit in totaal: u hebt minstens 1 tot 1,2 g eiwit per kg lichaamsgewicht per dag "
        "nodig om spieren en gewicht te behouden. Verander niets zonder uw diëtist of neuroloog."), (
        "Levodopa and protein: the right timing",
        "Protein can hinder the uptake of levodopa. Take your medication apart from meals, but eat enough protein.",
        "Levodopa is taken up in the gut and into the brain by the same route as the building blocks of "
        "protein (amino acids). A protein-rich meal close to the dose can weaken or delay its effect; you "
        "notice it as 'off' periods after eating.\n\n"
        "- Take levodopa about 30 minutes before a meal or 60 minutes after, with a glass of water.\n"
        "- If it makes you nauseous, take it with something small without protein (a rusk, some apple sauce).\n"
        "- With fluctuations, your dietitian can spread protein differently over the day: less at "
        "breakfast and lunch, more in the evening.\n\n"
        "Do not eat less protein in total: you need at least 1 to 1.2 g of protein per kg of body weight a "
        "day to keep your muscles and weight. Change nothing without your dietitian or neurologist.")),
    *_item("levodopa-protein-video", "video", "parkinson_protein_timing", (
        "Video: een dag met levodopa en maaltijden",
        "Vier minuten: zo plant u medicatie, maaltijden en eiwit over de dag (met Nederlandse ondertitels).",
        "In deze video overloopt diëtist Lien een dag: levodopa om 7.30 uur, ontbijt om 8 uur met weinig "
        "eiwit, een tussendoortje, het middagmaal een uur na de medicatie en een eiwitrijk avondmaal. "
        "Bespreek met uw diëtist welk schema bij uw medicatie past."), (
        "Video: a day with levodopa and meals",
        "Four minutes: how to plan medication, meals and protein over the day (English subtitles).",
        "In this video dietitian Lien walks through a day: levodopa at 7.30, breakfast at 8 with little "
        "protein, a snack, lunch an hour after the dose and a protein-rich evening meal. Discuss with your "
        "dietitian which schedule suits your medication."), url=f"{MEDIA}/levodopa-dag"),
    *_item("weight-loss", "article", "weight_loss", (
        "Ongewild afvallen: wat kunt u doen?",
        "Meer dan 5 % gewichtsverlies in zes maanden is een alarmsignaal. Zo verrijkt u uw maaltijden.",
        "Ongewild meer dan 5 % van uw gewicht verliezen in zes maanden (of meer dan 10 % over langere "
        "tijd) wijst op ondervoeding. Bij Parkinson verbruikt u bovendien meer energie door stijfheid en "
        "beven, en duren maaltijden langer.\n\n"
        "- Eet zes kleine maaltijden in plaats van drie grote.\n"
        "- Verrijk zonder meer volume: een klontje boter in de puree, room of geraspte kaas in saus en "
        "soep, melkpoeder in pap of pudding.\n"
        "- Drink de drinkvoeding die uw diëtist voorschreef, tussen de maaltijden.\n"
        "- Weeg u één keer per week, op dezelfde weegschaal, op hetzelfde moment, met dezelfde kledij.\n\n"
        "NutriPlat volgt uw gewicht en verwittigt uw diëtist als u blijft afvallen."), (
        "Losing weight without trying: what you can do",
        "Losing more than 5 % of your weight in six months is a warning sign. How to enrich your meals.",
        "Losing more than 5 % of your weight in six months without trying (or more than 10 % over a longer "
        "time) points to malnutrition. With Parkinson's you also use more energy through stiffness and "
        "tremor, and meals take longer.\n\n"
        "- Eat six small meals instead of three large ones.\n"
        "- Enrich without adding volume: a knob of butter in mash, cream or grated cheese in sauce and "
        "soup, milk powder in porridge or pudding.\n"
        "- Take the nutritional drinks your dietitian prescribed, between meals.\n"
        "- Weigh yourself once a week, on the same scales, at the same time, in the same clothes.\n\n"
        "NutriPlat follows your weight and alerts your dietitian if you keep losing weight.")),
    *_item("regenerating-meals", "leaflet", "regenerating_meals", (
        "Uw maaltijden bewaren en opwarmen",
        "Koel onder 4 °C, diepvries op -18 °C, opwarmen tot minstens 70 °C in de kern, één keer.",
        "- Gekoelde maaltijden: meteen in de koelkast, op 4 °C of kouder; eet ze voor de "
        "'te gebruiken tot'-datum.\n"
        "- Diepvriesmaaltijden: in de diepvries op -18 °C. Laat ontdooien in de koelkast, nooit op het aanrecht.\n"
        "- Opwarmen in de regeneratieoven of de microgolfoven tot de maaltijd overal gloeiend heet is: "
        "minstens 70 °C in de kern. Roer halverwege in de microgolfoven.\n"
        "- Warm een maaltijd maar één keer op; restjes gaan weg.\n"
        "- Gepureerde en fijngemalen maaltijden: roer na het opwarmen, verwijder ingedroogde randjes en "
        "controleer de textuur opnieuw; laat afkoelen tot een veilige eettemperatuur.\n\n"
        "Werkt uw toestel niet of is de koelkast warmer dan 7 °C, bel dan NutriPlat."), (
        "Storing and reheating your meals",
        "Chill below 4 °C, freeze at -18 °C, reheat once to at least 70 °C in the core.",
        "- Chilled meals: straight into the fridge, at 4 °C or colder; eat them before the use-by date.\n"
        "- Frozen meals: in the freezer at -18 °C. Thaw in the fridge, never on the kitchen counter.\n"
        "- Reheat in the regeneration oven or the microwave until the meal is piping hot throughout: at "
        "least 70 °C in the core. Stir halfway in the microwave.\n"
        "- Reheat a meal only once; throw away leftovers.\n"
        "- Pureed and minced meals: stir after reheating, remove dried edges and check the texture again; "
        "let it cool to a safe eating temperature.\n\n"
        "If your appliance fails or the fridge is warmer than 7 °C, call NutriPlat.")),
    *_item("caregiver-mealtime", "article", "caregiver_support", (
        "Helpen bij het eten: tips voor mantelzorgers",
        "Rust, tijd en een goede houding maken de maaltijd veiliger. En zorg ook voor uzelf.",
        "Een maaltijd kan tot 45 minuten duren. Zo helpt u:\n\n"
        "- Zorg dat uw naaste rechtop zit, voeten op de grond, hoofd licht naar voren.\n"
        "- Ga op ooghoogte naast hem of haar zitten, niet staand.\n"
        "- Geef kleine hapjes met een theelepel en wacht tot er geslikt is.\n"
        "- Houd het eten warm met een warmhoudbord; eet op de momenten dat de medicatie goed werkt.\n"
        "- Laat zo veel mogelijk zelf doen, met aangepast bestek of een antislipmat.\n"
        "- Zorg na de maaltijd voor de mond en laat 30 minuten rechtop zitten.\n\n"
        "Verwittig de diëtist bij hoesten tijdens het eten, koorts of afvallen. En zorg voor uzelf: vraag "
        "uw ziekenfonds naar ondersteuning en respijtzorg voor mantelzorgers."), (
        "Helping at mealtimes: tips for caregivers",
        "Calm, time and a good posture make the meal safer. And look after yourself too.",
        "A meal can take up to 45 minutes. How to help:\n\n"
        "- Make sure your relative sits upright, feet on the floor, head slightly forward.\n"
        "- Sit beside them at eye level, not standing.\n"
        "- Give small bites with a teaspoon and wait until they have swallowed.\n"
        "- Keep the food warm on a heated plate; eat when the medication works well.\n"
        "- Let them do as much as they can themselves, with adapted cutlery or a non-slip mat.\n"
        "- Clean the mouth after the meal and keep them upright for 30 minutes.\n\n"
        "Tell the dietitian about coughing while eating, fever or weight loss. And look after yourself: ask "
        "your health insurance fund (ziekenfonds) about support and respite care for caregivers.")),
    *_item("tremor-tools", "video", "caregiver_support", (
        "Video: zelfstandig eten met beven en traagheid",
        "Drie minuten over aangepast bestek, verzwaarde bekers en een warmhoudbord.",
        "Ergotherapeut en diëtist tonen hulpmiddelen die helpen bij beven en traagheid: verzwaard en "
        "verdikt bestek, een beker met twee oren en deksel, een bord met opstaande rand en een "
        "warmhoudbord zodat een lange maaltijd warm blijft."), (
        "Video: eating independently with tremor and slowness",
        "Three minutes on adapted cutlery, weighted cups and a heated plate.",
        "An occupational therapist and a dietitian show aids that help with tremor and slowness: weighted "
        "and thick-handled cutlery, a two-handled cup with a lid, a plate with a raised rim and a heated "
        "plate so that a long meal stays warm."), url=f"{MEDIA}/zelfstandig-eten"),
]
