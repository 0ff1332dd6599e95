/*
 * entity.c - named entities by rule: people, places, organisations.
 *
 * A mention starts as a run of capitalised word tokens in one sentence
 * (with "of", "for", "de" and the like inside when a name takes them); a
 * possessive "'s" ends the run and is cut from the name. Each run is then
 * split and typed with small static gazetteers: person titles, countries
 * with their demonyms, capitals and war-zone places, first names,
 * organisation head words and well-known organisations. Runs that no
 * table explains are decided after the whole article is read, since a
 * lone "Ignat" is a person only because "Yuriy Ignat" appears somewhere.
 *
 * Assumes the tokenizer's contract (text/token.h): "Biden’s" is one word
 * token with norm "biden's", "US-supplied" and "U.S." are one token each,
 * norms are case-folded with typographic apostrophes mapped to '. All
 * tables below are sorted by strcmp (checked in debug builds) and searched
 * with cr_lexicon_has() (PLACES, a table of structs, with bsearch).
 * The learnt tagger reads the same tables through one hash set
 * (cr_gazetteer_new), built once when its model is loaded; naming its
 * tags (cr_entities_from_tags_with) finds places and asks the word
 * tables through that set too, with the same answers.
 */
#include "text/entity.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xxhash.h>

#include "base/arena.h"
#include "text/lexicon.h"

/* Most tokens in one name: longer capitalised runs are headlines. */
#define ENT_MAX_RUN 8
/* Most tokens a gazetteer key may join ("united states of america"). */
#define ENT_MAX_KEY_TOKENS 4
/* Bytes of a joined lookup key, NUL included. */
#define ENT_KEY_BYTES 96
/* Most mentions one article may have. */
#define ENT_MAX_MENTIONS (1u << 20)
/* Word tokens read for document evidence (how a word is written
 * elsewhere): bounds the table on hostile input. */
#define ENT_EVIDENCE_TOKENS 200000u
/* Lower-case words between a demonym and "ministry": "Russian defense
 * ministry". */
#define ENT_MAX_MINISTRY_GAP 2

/* A mention whose type is decided after the article is read. */
#define TYPE_PENDING 0xff

enum place_kind { PL_COUNTRY, PL_DEMONYM, PL_PLACE };

typedef struct place {
	const char *key;  /* case-folded, words joined by one space */
	const char *name; /* canonical: the country for a demonym */
	uint8_t kind;     /* enum place_kind */
} place;

/* Countries with their aliases and demonyms, capitals and places in the
 * news. Sorted by key. */
static const place PLACES[] = {
        {"abu dhabi", "Abu Dhabi", PL_PLACE},
        {"afghan", "Afghanistan", PL_DEMONYM},
        {"afghanistan", "Afghanistan", PL_COUNTRY},
        {"africa", "Africa", PL_PLACE},
        {"albania", "Albania", PL_COUNTRY},
        {"albanian", "Albania", PL_DEMONYM},
        {"algeria", "Algeria", PL_COUNTRY},
        {"algerian", "Algeria", PL_DEMONYM},
        {"america", "US", PL_COUNTRY},
        {"american", "US", PL_DEMONYM},
        {"amsterdam", "Amsterdam", PL_PLACE},
        {"andorra", "Andorra", PL_COUNTRY},
        {"angola", "Angola", PL_COUNTRY},
        {"angolan", "Angola", PL_DEMONYM},
        {"ankara", "Ankara", PL_PLACE},
        {"arctic", "Arctic", PL_PLACE},
        {"argentina", "Argentina", PL_COUNTRY},
        {"argentine", "Argentina", PL_DEMONYM},
        {"argentinian", "Argentina", PL_DEMONYM},
        {"armenia", "Armenia", PL_COUNTRY},
        {"armenian", "Armenia", PL_DEMONYM},
        {"asia", "Asia", PL_PLACE},
        {"athens", "Athens", PL_PLACE},
        {"atlantic", "Atlantic", PL_PLACE},
        {"australia", "Australia", PL_COUNTRY},
        {"australian", "Australia", PL_DEMONYM},
        {"austria", "Austria", PL_COUNTRY},
        {"austrian", "Austria", PL_DEMONYM},
        {"azerbaijan", "Azerbaijan", PL_COUNTRY},
        {"azerbaijani", "Azerbaijan", PL_DEMONYM},
        {"baghdad", "Baghdad", PL_PLACE},
        {"bahrain", "Bahrain", PL_COUNTRY},
        {"bahraini", "Bahrain", PL_DEMONYM},
        {"bakhmut", "Bakhmut", PL_PLACE},
        {"baku", "Baku", PL_PLACE},
        {"balkans", "Balkans", PL_PLACE},
        {"baltic", "Baltic", PL_PLACE},
        {"bangladesh", "Bangladesh", PL_COUNTRY},
        {"bangladeshi", "Bangladesh", PL_DEMONYM},
        {"beijing", "Beijing", PL_PLACE},
        {"beirut", "Beirut", PL_PLACE},
        {"belarus", "Belarus", PL_COUNTRY},
        {"belarusian", "Belarus", PL_DEMONYM},
        {"belgian", "Belgium", PL_DEMONYM},
        {"belgium", "Belgium", PL_COUNTRY},
        {"belgorod", "Belgorod", PL_PLACE},
        {"belgrade", "Belgrade", PL_PLACE},
        {"berlin", "Berlin", PL_PLACE},
        {"black sea", "Black Sea", PL_PLACE},
        {"bolivia", "Bolivia", PL_COUNTRY},
        {"bolivian", "Bolivia", PL_DEMONYM},
        {"bosnia", "Bosnia", PL_COUNTRY},
        {"bosnian", "Bosnia", PL_DEMONYM},
        {"botswana", "Botswana", PL_COUNTRY},
        {"brazil", "Brazil", PL_COUNTRY},
        {"brazilian", "Brazil", PL_DEMONYM},
        {"britain", "UK", PL_COUNTRY},
        {"british", "UK", PL_DEMONYM},
        {"brussels", "Brussels", PL_PLACE},
        {"bryansk", "Bryansk", PL_PLACE},
        {"bucharest", "Bucharest", PL_PLACE},
        {"budapest", "Budapest", PL_PLACE},
        {"buenos aires", "Buenos Aires", PL_PLACE},
        {"bulgaria", "Bulgaria", PL_COUNTRY},
        {"bulgarian", "Bulgaria", PL_DEMONYM},
        {"burma", "Myanmar", PL_COUNTRY},
        {"burmese", "Myanmar", PL_DEMONYM},
        {"cairo", "Cairo", PL_PLACE},
        {"cambodia", "Cambodia", PL_COUNTRY},
        {"cambodian", "Cambodia", PL_DEMONYM},
        {"cameroon", "Cameroon", PL_COUNTRY},
        {"cameroonian", "Cameroon", PL_DEMONYM},
        {"canada", "Canada", PL_COUNTRY},
        {"canadian", "Canada", PL_DEMONYM},
        {"central europe", "Central Europe", PL_PLACE},
        {"chad", "Chad", PL_COUNTRY},
        {"chadian", "Chad", PL_DEMONYM},
        {"chicago", "Chicago", PL_PLACE},
        {"chile", "Chile", PL_COUNTRY},
        {"chilean", "Chile", PL_DEMONYM},
        {"china", "China", PL_COUNTRY},
        {"chinese", "China", PL_DEMONYM},
        {"chisinau", "Chisinau", PL_PLACE},
        {"colombia", "Colombia", PL_COUNTRY},
        {"colombian", "Colombia", PL_DEMONYM},
        {"congo", "Congo", PL_COUNTRY},
        {"congolese", "Congo", PL_DEMONYM},
        {"copenhagen", "Copenhagen", PL_PLACE},
        {"costa rica", "Costa Rica", PL_COUNTRY},
        {"costa rican", "Costa Rica", PL_DEMONYM},
        {"crimea", "Crimea", PL_PLACE},
        {"croatia", "Croatia", PL_COUNTRY},
        {"croatian", "Croatia", PL_DEMONYM},
        {"cuba", "Cuba", PL_COUNTRY},
        {"cuban", "Cuba", PL_DEMONYM},
        {"cypriot", "Cyprus", PL_DEMONYM},
        {"cyprus", "Cyprus", PL_COUNTRY},
        {"czech", "Czech Republic", PL_DEMONYM},
        {"czech republic", "Czech Republic", PL_COUNTRY},
        {"czechia", "Czech Republic", PL_COUNTRY},
        {"damascus", "Damascus", PL_PLACE},
        {"danish", "Denmark", PL_DEMONYM},
        {"delhi", "Delhi", PL_PLACE},
        {"denmark", "Denmark", PL_COUNTRY},
        {"dnipro", "Dnipro", PL_PLACE},
        {"doha", "Doha", PL_PLACE},
        {"donbas", "Donbas", PL_PLACE},
        {"donetsk", "Donetsk", PL_PLACE},
        {"dubai", "Dubai", PL_PLACE},
        {"dublin", "Dublin", PL_PLACE},
        {"dutch", "Netherlands", PL_DEMONYM},
        {"eastern europe", "Eastern Europe", PL_PLACE},
        {"ecuador", "Ecuador", PL_COUNTRY},
        {"ecuadorian", "Ecuador", PL_DEMONYM},
        {"egypt", "Egypt", PL_COUNTRY},
        {"egyptian", "Egypt", PL_DEMONYM},
        {"el salvador", "El Salvador", PL_COUNTRY},
        {"emirati", "UAE", PL_DEMONYM},
        {"england", "England", PL_COUNTRY},
        {"english", "England", PL_DEMONYM},
        {"eritrea", "Eritrea", PL_COUNTRY},
        {"eritrean", "Eritrea", PL_DEMONYM},
        {"estonia", "Estonia", PL_COUNTRY},
        {"estonian", "Estonia", PL_DEMONYM},
        {"ethiopia", "Ethiopia", PL_COUNTRY},
        {"ethiopian", "Ethiopia", PL_DEMONYM},
        {"europe", "Europe", PL_PLACE},
        {"filipino", "Philippines", PL_DEMONYM},
        {"finland", "Finland", PL_COUNTRY},
        {"finnish", "Finland", PL_DEMONYM},
        {"france", "France", PL_COUNTRY},
        {"french", "France", PL_DEMONYM},
        {"gaza", "Gaza", PL_PLACE},
        {"georgia", "Georgia", PL_COUNTRY},
        {"georgian", "Georgia", PL_DEMONYM},
        {"german", "Germany", PL_DEMONYM},
        {"germany", "Germany", PL_COUNTRY},
        {"ghana", "Ghana", PL_COUNTRY},
        {"ghanaian", "Ghana", PL_DEMONYM},
        {"great britain", "UK", PL_COUNTRY},
        {"greece", "Greece", PL_COUNTRY},
        {"greek", "Greece", PL_DEMONYM},
        {"guatemala", "Guatemala", PL_COUNTRY},
        {"guatemalan", "Guatemala", PL_DEMONYM},
        {"haiti", "Haiti", PL_COUNTRY},
        {"haitian", "Haiti", PL_DEMONYM},
        {"helsinki", "Helsinki", PL_PLACE},
        {"holland", "Netherlands", PL_COUNTRY},
        {"honduran", "Honduras", PL_DEMONYM},
        {"honduras", "Honduras", PL_COUNTRY},
        {"hong kong", "Hong Kong", PL_PLACE},
        {"hungarian", "Hungary", PL_DEMONYM},
        {"hungary", "Hungary", PL_COUNTRY},
        {"iceland", "Iceland", PL_COUNTRY},
        {"icelandic", "Iceland", PL_DEMONYM},
        {"india", "India", PL_COUNTRY},
        {"indian", "India", PL_DEMONYM},
        {"indonesia", "Indonesia", PL_COUNTRY},
        {"indonesian", "Indonesia", PL_DEMONYM},
        {"iran", "Iran", PL_COUNTRY},
        {"iranian", "Iran", PL_DEMONYM},
        {"iraq", "Iraq", PL_COUNTRY},
        {"iraqi", "Iraq", PL_DEMONYM},
        {"ireland", "Ireland", PL_COUNTRY},
        {"irish", "Ireland", PL_DEMONYM},
        {"islamabad", "Islamabad", PL_PLACE},
        {"israel", "Israel", PL_COUNTRY},
        {"israeli", "Israel", PL_DEMONYM},
        {"istanbul", "Istanbul", PL_PLACE},
        {"italian", "Italy", PL_DEMONYM},
        {"italy", "Italy", PL_COUNTRY},
        {"ivory coast", "Ivory Coast", PL_COUNTRY},
        {"jamaica", "Jamaica", PL_COUNTRY},
        {"jamaican", "Jamaica", PL_DEMONYM},
        {"japan", "Japan", PL_COUNTRY},
        {"japanese", "Japan", PL_DEMONYM},
        {"jerusalem", "Jerusalem", PL_PLACE},
        {"johannesburg", "Johannesburg", PL_PLACE},
        {"jordan", "Jordan", PL_COUNTRY},
        {"jordanian", "Jordan", PL_DEMONYM},
        {"kabul", "Kabul", PL_PLACE},
        {"kazakh", "Kazakhstan", PL_DEMONYM},
        {"kazakhstan", "Kazakhstan", PL_COUNTRY},
        {"kenya", "Kenya", PL_COUNTRY},
        {"kenyan", "Kenya", PL_DEMONYM},
        {"kharkiv", "Kharkiv", PL_PLACE},
        {"kherson", "Kherson", PL_PLACE},
        {"kiev", "Kyiv", PL_PLACE},
        {"kosovan", "Kosovo", PL_DEMONYM},
        {"kosovo", "Kosovo", PL_COUNTRY},
        {"kursk", "Kursk", PL_PLACE},
        {"kuwait", "Kuwait", PL_COUNTRY},
        {"kuwaiti", "Kuwait", PL_DEMONYM},
        {"kyiv", "Kyiv", PL_PLACE},
        {"kyrgyz", "Kyrgyzstan", PL_DEMONYM},
        {"kyrgyzstan", "Kyrgyzstan", PL_COUNTRY},
        {"lagos", "Lagos", PL_PLACE},
        {"laos", "Laos", PL_COUNTRY},
        {"laotian", "Laos", PL_DEMONYM},
        {"latin america", "Latin America", PL_PLACE},
        {"latvia", "Latvia", PL_COUNTRY},
        {"latvian", "Latvia", PL_DEMONYM},
        {"lebanese", "Lebanon", PL_DEMONYM},
        {"lebanon", "Lebanon", PL_COUNTRY},
        {"libya", "Libya", PL_COUNTRY},
        {"libyan", "Libya", PL_DEMONYM},
        {"liechtenstein", "Liechtenstein", PL_COUNTRY},
        {"lisbon", "Lisbon", PL_PLACE},
        {"lithuania", "Lithuania", PL_COUNTRY},
        {"lithuanian", "Lithuania", PL_DEMONYM},
        {"london", "London", PL_PLACE},
        {"los angeles", "Los Angeles", PL_PLACE},
        {"luhansk", "Luhansk", PL_PLACE},
        {"luxembourg", "Luxembourg", PL_COUNTRY},
        {"lviv", "Lviv", PL_PLACE},
        {"macedonian", "North Macedonia", PL_DEMONYM},
        {"madagascar", "Madagascar", PL_COUNTRY},
        {"madrid", "Madrid", PL_PLACE},
        {"malawi", "Malawi", PL_COUNTRY},
        {"malaysia", "Malaysia", PL_COUNTRY},
        {"malaysian", "Malaysia", PL_DEMONYM},
        {"mali", "Mali", PL_COUNTRY},
        {"malian", "Mali", PL_DEMONYM},
        {"malta", "Malta", PL_COUNTRY},
        {"maltese", "Malta", PL_DEMONYM},
        {"mariupol", "Mariupol", PL_PLACE},
        {"mauritania", "Mauritania", PL_COUNTRY},
        {"mediterranean", "Mediterranean", PL_PLACE},
        {"mexican", "Mexico", PL_DEMONYM},
        {"mexico", "Mexico", PL_COUNTRY},
        {"mexico city", "Mexico City", PL_PLACE},
        {"middle east", "Middle East", PL_PLACE},
        {"minsk", "Minsk", PL_PLACE},
        {"moldova", "Moldova", PL_COUNTRY},
        {"moldovan", "Moldova", PL_DEMONYM},
        {"monaco", "Monaco", PL_COUNTRY},
        {"mongolia", "Mongolia", PL_COUNTRY},
        {"mongolian", "Mongolia", PL_DEMONYM},
        {"montenegrin", "Montenegro", PL_DEMONYM},
        {"montenegro", "Montenegro", PL_COUNTRY},
        {"moroccan", "Morocco", PL_DEMONYM},
        {"morocco", "Morocco", PL_COUNTRY},
        {"moscow", "Moscow", PL_PLACE},
        {"mozambique", "Mozambique", PL_COUNTRY},
        {"mumbai", "Mumbai", PL_PLACE},
        {"myanmar", "Myanmar", PL_COUNTRY},
        {"mykolaiv", "Mykolaiv", PL_PLACE},
        {"nairobi", "Nairobi", PL_PLACE},
        {"namibia", "Namibia", PL_COUNTRY},
        {"nepal", "Nepal", PL_COUNTRY},
        {"nepalese", "Nepal", PL_DEMONYM},
        {"netherlands", "Netherlands", PL_COUNTRY},
        {"new delhi", "New Delhi", PL_PLACE},
        {"new york", "New York", PL_PLACE},
        {"new zealand", "New Zealand", PL_COUNTRY},
        {"nicaragua", "Nicaragua", PL_COUNTRY},
        {"nicaraguan", "Nicaragua", PL_DEMONYM},
        {"niger", "Niger", PL_COUNTRY},
        {"nigeria", "Nigeria", PL_COUNTRY},
        {"nigerian", "Nigeria", PL_DEMONYM},
        {"north america", "North America", PL_PLACE},
        {"north korea", "North Korea", PL_COUNTRY},
        {"north korean", "North Korea", PL_DEMONYM},
        {"north macedonia", "North Macedonia", PL_COUNTRY},
        {"norway", "Norway", PL_COUNTRY},
        {"norwegian", "Norway", PL_DEMONYM},
        {"odesa", "Odesa", PL_PLACE},
        {"odessa", "Odesa", PL_PLACE},
        {"oman", "Oman", PL_COUNTRY},
        {"omani", "Oman", PL_DEMONYM},
        {"oslo", "Oslo", PL_PLACE},
        {"ottawa", "Ottawa", PL_PLACE},
        {"pacific", "Pacific", PL_PLACE},
        {"pakistan", "Pakistan", PL_COUNTRY},
        {"pakistani", "Pakistan", PL_DEMONYM},
        {"palestine", "Palestine", PL_COUNTRY},
        {"palestinian", "Palestine", PL_DEMONYM},
        {"panama", "Panama", PL_COUNTRY},
        {"panamanian", "Panama", PL_DEMONYM},
        {"paraguay", "Paraguay", PL_COUNTRY},
        {"paraguayan", "Paraguay", PL_DEMONYM},
        {"paris", "Paris", PL_PLACE},
        {"peru", "Peru", PL_COUNTRY},
        {"peruvian", "Peru", PL_DEMONYM},
        {"philippine", "Philippines", PL_DEMONYM},
        {"philippines", "Philippines", PL_COUNTRY},
        {"poland", "Poland", PL_COUNTRY},
        {"polish", "Poland", PL_DEMONYM},
        {"portugal", "Portugal", PL_COUNTRY},
        {"portuguese", "Portugal", PL_DEMONYM},
        {"prague", "Prague", PL_PLACE},
        {"pyongyang", "Pyongyang", PL_PLACE},
        {"qatar", "Qatar", PL_COUNTRY},
        {"qatari", "Qatar", PL_DEMONYM},
        {"riga", "Riga", PL_PLACE},
        {"rio de janeiro", "Rio de Janeiro", PL_PLACE},
        {"riyadh", "Riyadh", PL_PLACE},
        {"romania", "Romania", PL_COUNTRY},
        {"romanian", "Romania", PL_DEMONYM},
        {"rome", "Rome", PL_PLACE},
        {"russia", "Russia", PL_COUNTRY},
        {"russian", "Russia", PL_DEMONYM},
        {"russian federation", "Russia", PL_COUNTRY},
        {"rwanda", "Rwanda", PL_COUNTRY},
        {"rwandan", "Rwanda", PL_DEMONYM},
        {"saint petersburg", "St Petersburg", PL_PLACE},
        {"salvadoran", "El Salvador", PL_DEMONYM},
        {"saudi", "Saudi Arabia", PL_DEMONYM},
        {"saudi arabia", "Saudi Arabia", PL_COUNTRY},
        {"scotland", "Scotland", PL_COUNTRY},
        {"scottish", "Scotland", PL_DEMONYM},
        {"senegal", "Senegal", PL_COUNTRY},
        {"senegalese", "Senegal", PL_DEMONYM},
        {"seoul", "Seoul", PL_PLACE},
        {"serbia", "Serbia", PL_COUNTRY},
        {"serbian", "Serbia", PL_DEMONYM},
        {"sevastopol", "Sevastopol", PL_PLACE},
        {"sierra leone", "Sierra Leone", PL_COUNTRY},
        {"singapore", "Singapore", PL_COUNTRY},
        {"singaporean", "Singapore", PL_DEMONYM},
        {"slovak", "Slovakia", PL_DEMONYM},
        {"slovakia", "Slovakia", PL_COUNTRY},
        {"slovenia", "Slovenia", PL_COUNTRY},
        {"slovenian", "Slovenia", PL_DEMONYM},
        {"sofia", "Sofia", PL_PLACE},
        {"somali", "Somalia", PL_DEMONYM},
        {"somalia", "Somalia", PL_COUNTRY},
        {"south africa", "South Africa", PL_COUNTRY},
        {"south african", "South Africa", PL_DEMONYM},
        {"south america", "South America", PL_PLACE},
        {"south korea", "South Korea", PL_COUNTRY},
        {"south korean", "South Korea", PL_DEMONYM},
        {"south sudan", "South Sudan", PL_COUNTRY},
        {"spain", "Spain", PL_COUNTRY},
        {"spanish", "Spain", PL_DEMONYM},
        {"sri lanka", "Sri Lanka", PL_COUNTRY},
        {"sri lankan", "Sri Lanka", PL_DEMONYM},
        {"st petersburg", "St Petersburg", PL_PLACE},
        {"stockholm", "Stockholm", PL_PLACE},
        {"sudan", "Sudan", PL_COUNTRY},
        {"sudanese", "Sudan", PL_DEMONYM},
        {"sweden", "Sweden", PL_COUNTRY},
        {"swedish", "Sweden", PL_DEMONYM},
        {"swiss", "Switzerland", PL_DEMONYM},
        {"switzerland", "Switzerland", PL_COUNTRY},
        {"sydney", "Sydney", PL_PLACE},
        {"syria", "Syria", PL_COUNTRY},
        {"syrian", "Syria", PL_DEMONYM},
        {"taipei", "Taipei", PL_PLACE},
        {"taiwan", "Taiwan", PL_COUNTRY},
        {"taiwanese", "Taiwan", PL_DEMONYM},
        {"tajik", "Tajikistan", PL_DEMONYM},
        {"tajikistan", "Tajikistan", PL_COUNTRY},
        {"tallinn", "Tallinn", PL_PLACE},
        {"tanzania", "Tanzania", PL_COUNTRY},
        {"tanzanian", "Tanzania", PL_DEMONYM},
        {"tbilisi", "Tbilisi", PL_PLACE},
        {"tehran", "Tehran", PL_PLACE},
        {"tel aviv", "Tel Aviv", PL_PLACE},
        {"thai", "Thailand", PL_DEMONYM},
        {"thailand", "Thailand", PL_COUNTRY},
        {"the hague", "The Hague", PL_PLACE},
        {"tokyo", "Tokyo", PL_PLACE},
        {"toronto", "Toronto", PL_PLACE},
        {"tunisia", "Tunisia", PL_COUNTRY},
        {"tunisian", "Tunisia", PL_DEMONYM},
        {"turkey", "Turkey", PL_COUNTRY},
        {"turkish", "Turkey", PL_DEMONYM},
        {"turkiye", "Turkey", PL_COUNTRY},
        {"turkmenistan", "Turkmenistan", PL_COUNTRY},
        {"u.k.", "UK", PL_COUNTRY},
        {"u.s.", "US", PL_COUNTRY},
        {"u.s.a.", "US", PL_COUNTRY},
        {"uae", "UAE", PL_COUNTRY},
        {"uganda", "Uganda", PL_COUNTRY},
        {"ugandan", "Uganda", PL_DEMONYM},
        {"uk", "UK", PL_COUNTRY},
        {"ukraine", "Ukraine", PL_COUNTRY},
        {"ukrainian", "Ukraine", PL_DEMONYM},
        {"united arab emirates", "UAE", PL_COUNTRY},
        {"united kingdom", "UK", PL_COUNTRY},
        {"united states", "US", PL_COUNTRY},
        {"united states of america", "US", PL_COUNTRY},
        {"uruguay", "Uruguay", PL_COUNTRY},
        {"uruguayan", "Uruguay", PL_DEMONYM},
        {"us", "US", PL_COUNTRY},
        {"usa", "US", PL_COUNTRY},
        {"uzbek", "Uzbekistan", PL_DEMONYM},
        {"uzbekistan", "Uzbekistan", PL_COUNTRY},
        {"venezuela", "Venezuela", PL_COUNTRY},
        {"venezuelan", "Venezuela", PL_DEMONYM},
        {"vienna", "Vienna", PL_PLACE},
        {"vietnam", "Vietnam", PL_COUNTRY},
        {"vietnamese", "Vietnam", PL_DEMONYM},
        {"vilnius", "Vilnius", PL_PLACE},
        {"wales", "Wales", PL_COUNTRY},
        {"warsaw", "Warsaw", PL_PLACE},
        {"washington", "Washington", PL_PLACE},
        {"welsh", "Wales", PL_DEMONYM},
        {"west bank", "West Bank", PL_PLACE},
        {"western europe", "Western Europe", PL_PLACE},
        {"yemen", "Yemen", PL_COUNTRY},
        {"yemeni", "Yemen", PL_DEMONYM},
        {"yerevan", "Yerevan", PL_PLACE},
        {"zambia", "Zambia", PL_COUNTRY},
        {"zambian", "Zambia", PL_DEMONYM},
        {"zaporizhzhia", "Zaporizhzhia", PL_PLACE},
        {"zimbabwe", "Zimbabwe", PL_COUNTRY},
        {"zimbabwean", "Zimbabwe", PL_DEMONYM},
};

/* Common first names: a run starting with one is a person. */
static const char *const FIRST_NAMES[] = {
        "aaron",       "abdul",     "abdullah",  "adam",      "adrian",
        "ahmad",       "ahmed",     "ai",        "akira",     "alan",
        "albert",      "alberto",   "alejandro", "aleksandr", "alex",
        "alexander",   "alexandr",  "alexandra", "alexei",    "alexey",
        "alexis",      "ali",       "alice",     "alicia",    "alina",
        "alison",      "amanda",    "amir",      "amy",       "ana",
        "anastasia",   "andre",     "andrea",    "andreas",   "andrei",
        "andrew",      "andrey",    "andrii",    "andriy",    "angela",
        "angelina",    "anita",     "ann",       "anna",      "anne",
        "anthony",     "antonio",   "antony",    "arnold",    "arthur",
        "ashley",      "barack",    "barbara",   "barney",    "ben",
        "benjamin",    "bernard",   "bernie",    "bill",      "bob",
        "bogdan",      "boris",     "brandon",   "brian",     "bruce",
        "carl",        "carlos",    "carol",     "caroline",  "catherine",
        "charles",     "charlotte", "chris",     "christian", "christine",
        "christopher", "claire",    "claudia",   "colin",     "daniel",
        "david",       "dean",      "deborah",   "denis",     "dennis",
        "denys",       "diana",     "dmitri",    "dmitry",    "dmytro",
        "donald",      "doug",      "douglas",   "edda",      "edward",
        "elena",       "eleni",     "elizabeth", "ellen",     "elon",
        "emily",       "emma",      "emmanuel",  "eric",      "erik",
        "eva",         "evgeny",    "fatima",    "felix",     "fernando",
        "frank",       "franz",     "fred",      "gabriel",   "gary",
        "george",      "gerhard",   "giorgia",   "giorgos",   "giuseppe",
        "gordon",      "grace",     "greg",      "gregory",   "hakan",
        "hamid",       "hannah",    "hans",      "harry",     "hassan",
        "heather",     "helen",     "helena",    "henry",     "hillary",
        "hugo",        "hussein",   "ian",       "igor",      "ilya",
        "irina",       "isaac",     "ivan",      "jack",      "jacob",
        "jake",        "james",     "jan",       "jane",      "janet",
        "jason",       "javier",    "jean",      "jeff",      "jeffrey",
        "jennifer",    "jens",      "jeremy",    "jessica",   "jim",
        "jimmy",       "joe",       "joel",      "johann",    "john",
        "jonathan",    "jordan",    "jorge",     "jose",      "joseph",
        "josh",        "joshua",    "juan",      "julia",     "julian",
        "julie",       "justin",    "kamala",    "karen",     "karl",
        "kate",        "katherine", "kathy",     "keir",      "keith",
        "kelly",       "ken",       "kenneth",   "kevin",     "kim",
        "kimberly",    "kirill",    "kyle",      "larry",     "laura",
        "lauren",      "lee",       "leo",       "leon",      "liam",
        "linda",       "lisa",      "liz",       "louis",     "lucas",
        "lucy",        "luis",      "luke",      "lyudmila",  "marco",
        "margaret",    "maria",     "marie",     "marina",    "mark",
        "marta",       "martin",    "mary",      "matt",      "matthew",
        "max",         "maxim",     "mehmet",    "melania",   "michael",
        "michel",      "michelle",  "mike",      "mikhail",   "mohammad",
        "mohammed",    "muhammad",  "nancy",     "natalia",   "natalya",
        "nathan",      "nicholas",  "nick",      "nicola",    "nicolas",
        "nikolai",     "nina",      "noah",      "oksana",    "olaf",
        "oleg",        "oleksandr", "oleksiy",   "olena",     "olga",
        "oliver",      "olivia",    "omar",      "oscar",     "pablo",
        "pamela",      "patricia",  "patrick",   "paul",      "pavel",
        "pedro",       "pete",      "peter",     "petro",     "philip",
        "pierre",      "priya",     "rachel",    "rafael",    "ralph",
        "ramzan",      "raymond",   "rebecca",   "recep",     "richard",
        "rick",        "rishi",     "robert",    "roberto",   "roman",
        "ron",         "ronald",    "rose",      "ruth",      "ryan",
        "sam",         "samuel",    "sandra",    "sara",      "sarah",
        "scott",       "sean",      "sebastian", "sergei",    "sergey",
        "sergiy",      "serhiy",    "simon",     "sofia",     "sophie",
        "stanislav",   "stephen",   "steve",     "steven",    "susan",
        "svetlana",    "taras",     "teresa",    "thomas",    "tim",
        "timothy",     "tom",       "tomas",     "tony",      "ursula",
        "valentina",   "valery",    "vasyl",     "victor",    "victoria",
        "viktor",      "vincent",   "vitali",    "vitaliy",   "vladimir",
        "vladislav",   "volodymyr", "walter",    "wang",      "wei",
        "william",     "xi",        "yana",      "yevgeny",   "yulia",
        "yuri",        "yuriy",     "yury",
};

/* Person titles: stripped from a name, and they make it a person. */
static const char *const TITLES[] = {
        "adm.",         "admiral",
        "alderman",     "ambassador",
        "archbishop",   "ayatollah",
        "bishop",       "capt.",
        "captain",      "cardinal",
        "ceo",          "chairman",
        "chairwoman",   "chancellor",
        "chief",        "col.",
        "colonel",      "commander",
        "commissioner", "constable",
        "councillor",   "councilman",
        "councilwoman", "dame",
        "detective",    "director",
        "dr",           "dr.",
        "emir",         "envoy",
        "gen",          "gen.",
        "general",      "gov.",
        "governor",     "imam",
        "inspector",    "judge",
        "justice",      "king",
        "lady",         "leader",
        "lieutenant",   "lord",
        "lt.",          "marshal",
        "mayor",        "minister",
        "mr",           "mr.",
        "mrs",          "mrs.",
        "ms",           "ms.",
        "pope",         "premier",
        "president",    "president-elect",
        "prince",       "princess",
        "prof.",        "professor",
        "prosecutor",   "queen",
        "rabbi",        "rep",
        "rep.",         "secretary",
        "sen",          "sen.",
        "senator",      "sergeant",
        "sgt.",         "sheikh",
        "sheriff",      "sir",
        "speaker",      "spokesman",
        "spokesperson", "spokeswoman",
        "sultan",       "superintendent",
};

/* Words that make a title only before one: "Foreign Minister". */
static const char *const TITLE_MODS[] = {
        "acting",      "agriculture", "army",     "attorney",   "chief",
        "city",        "county",      "culture",  "defence",    "defense",
        "deputy",      "district",    "economy",  "education",  "energy",
        "environment", "executive",   "finance",  "fire",       "first",
        "foreign",     "former",      "health",   "home",       "intelligence",
        "interim",     "interior",    "military", "opposition", "police",
        "press",       "prime",       "regional", "security",   "senior",
        "state",       "supreme",     "trade",    "transport",  "vice",
};

/* Last words that make a run of capitalised words an organisation. */
static const char *const ORG_HEADS[] = {
        "academy",
        "administration",
        "agency",
        "airlines",
        "airways",
        "alliance",
        "army",
        "assembly",
        "association",
        "authority",
        "bank",
        "board",
        "brigade",
        "broadcasting",
        "bureau",
        "cabinet",
        "capital",
        "center",
        "centre",
        "chronicle",
        "church",
        "club",
        "coalition",
        "college",
        "command",
        "commission",
        "committee",
        "communications",
        "company",
        "congress",
        "consulate",
        "corp",
        "corp.",
        "corporation",
        "council",
        "courier",
        "court",
        "daily",
        "department",
        "directorate",
        "dispatch",
        "duma",
        "electric",
        "embassy",
        "entertainment",
        "exchange",
        "express",
        "federation",
        "foods",
        "force",
        "forces",
        "foundation",
        "front",
        "fund",
        "gazette",
        "government",
        "group",
        "guard",
        "guardian",
        "herald",
        "holdings",
        "hospital",
        "inc",
        "inc.",
        "industries",
        "inquirer",
        "institute",
        "insurance",
        "international",
        "journal",
        "laboratories",
        "labs",
        "league",
        "ltd",
        "ltd.",
        "ministry",
        "mirror",
        "mission",
        "monitor",
        "motors",
        "movement",
        "navy",
        "network",
        "news",
        "observatory",
        "observer",
        "office",
        "organisation",
        "organization",
        "parliament",
        "partners",
        "party",
        "petroleum",
        "pharma",
        "pharmaceuticals",
        "police",
        "post",
        "press",
        "rada",
        "radio",
        "record",
        "reserve",
        "review",
        "school",
        "secretariat",
        "senate",
        "sentinel",
        "service",
        "services",
        "standard",
        "steel",
        "technologies",
        "telecom",
        "telegraph",
        "television",
        "times",
        "tribune",
        "tv",
        "union",
        "university",
        "watch",
        "weekly",
};

/* Heads that take an "of"/"for" phrase into the name: "Bank of England". */
static const char *const OF_HEADS[] = {
        "academy",    "agency",     "alliance",  "assembly",     "authority",
        "bank",       "bay",        "board",     "bureau",       "cape",
        "center",     "centre",     "chamber",   "church",       "city",
        "college",    "commission", "committee", "council",      "court",
        "department", "federation", "fund",      "gulf",         "house",
        "institute",  "isle",       "isles",     "kingdom",      "league",
        "ministry",   "museum",     "office",    "organisation", "organization",
        "party",      "province",   "republic",  "school",       "sea",
        "state",      "strait",     "union",     "university",
};

/* Of-heads that make the name a place: "Gulf of Mexico". */
static const char *const PLACE_OF_HEADS[] = {
        "bay",     "cape",     "city",     "gulf", "isle",  "isles",
        "kingdom", "province", "republic", "sea",  "state", "strait",
};

/* Last words that make a name neither person, place nor organisation. */
static const char *const OTHER_HEADS[] = {
        "accord",     "accords",  "act",      "agreement", "award",
        "awards",     "cup",      "doctrine", "festival",  "games",
        "initiative", "missile",  "missiles", "olympics",  "plan",
        "prize",      "protocol", "rocket",   "rockets",   "system",
        "systems",    "treaty",   "war",
};

/* Organisations known by name (case-folded, words joined by a space). */
static const char *const KNOWN_ORGS[] = {
        "afp",
        "al jazeera",
        "amazon",
        "amnesty international",
        "ap",
        "apple",
        "axios",
        "bbc",
        "bloomberg",
        "bundestag",
        "cbs",
        "cia",
        "cnbc",
        "cnn",
        "congress",
        "downing street",
        "duma",
        "e.u.",
        "eu",
        "euronews",
        "european commission",
        "european union",
        "facebook",
        "fbi",
        "financial times",
        "foreign office",
        "fox news",
        "fsb",
        "g20",
        "g7",
        "gazprom",
        "google",
        "hamas",
        "hezbollah",
        "human rights watch",
        "iaea",
        "imf",
        "interfax",
        "interpol",
        "isis",
        "kgb",
        "knesset",
        "kremlin",
        "meta",
        "microsoft",
        "nasa",
        "nato",
        "nbc",
        "new york times",
        "nsa",
        "opec",
        "osce",
        "pentagon",
        "politico",
        "red cross",
        "reuters",
        "ria novosti",
        "rosatom",
        "sbu",
        "security council",
        "senate",
        "sky news",
        "state department",
        "taliban",
        "tass",
        "tesla",
        "twitter",
        "u.n.",
        "ukrinform",
        "un",
        "unesco",
        "unicef",
        "united nations",
        "wagner",
        "wall street journal",
        "washington post",
        "white house",
        "who",
        "world health organization",
        "wto",
};

/* Last words that make a run a place: "Quay Street", "Tessel River". */
static const char *const PLACE_HEADS[] = {
        "airport", "avenue",  "bay",       "beach",   "boulevard", "bridge",
        "canal",   "coast",   "creek",     "desert",  "east",      "falls",
        "forest",  "harbor",  "harbour",   "highway", "hill",      "hills",
        "island",  "islands", "lake",      "lane",    "mountain",  "mountains",
        "north",   "park",    "peninsula", "port",    "river",     "road",
        "south",   "square",  "station",   "street",  "valley",    "west",
};

/* First words that make a run a named thing: "Storm Ilse". */
static const char *const OTHER_FIRSTS[] = {
        "cyclone", "hurricane", "operation", "storm", "tropical", "typhoon",
};

/* Nouns before "of" that make the name after it a place: "the village
 * of Westhaven". */
static const char *const PLACE_OF_NOUNS[] = {
        "city",     "county", "district", "island", "municipality", "port",
        "province", "region", "suburb",   "town",   "village",
};

/* Weekdays and months: never part of a name ("May" is left alone). */
static const char *const BREAK_WORDS[] = {
        "apr",      "apr.",     "april",     "aug",     "aug.",      "august",
        "dec",      "dec.",     "december",  "feb",     "feb.",      "february",
        "friday",   "jan",      "jan.",      "january", "jul.",      "july",
        "jun.",     "june",     "mar.",      "march",   "monday",    "nov",
        "nov.",     "november", "oct",       "oct.",    "october",   "saturday",
        "sep",      "sep.",     "sept",      "sept.",   "september", "sunday",
        "thursday", "tuesday",  "wednesday",
};

/* Capitalised words that are not entities on their own. */
static const char *const LONE_WORDS[] = {
        "celsius",  "central",  "christmas", "covid",      "covid-19",
        "easter",   "eastern",  "european",  "fahrenheit", "god",
        "internet", "northern", "southern",  "western",
};

/* Capitalised only because they start a sentence: never a name. */
static const char *const COMMON_STARTS[] = {
        "according", "additional", "additionally", "almost",  "another",
        "click",     "contact",    "earlier",      "even",    "finally",
        "first",     "follow",     "following",    "hence",   "however",
        "image",     "instead",    "last",         "later",   "listen",
        "many",      "meanwhile",  "nearly",       "new",     "next",
        "now",       "only",       "overall",      "photo",   "please",
        "read",      "second",     "several",      "share",   "sign",
        "still",     "subscribe",  "third",        "though",  "thus",
        "today",     "tomorrow",   "unlock",       "updates", "video",
        "watch",     "yesterday",  "yet",
};

/* Lower-case words allowed inside a name. */
static const char *const CONNECTORS[] = {
        "al",  "bin", "da", "de", "del", "della", "den", "der", "du",
        "for", "ibn", "la", "le", "of",  "the",   "van", "von",
};

/* Lower-case place heads after a name: "Kursk region". */
static const char *const REGION_WORDS[] = {
        "county", "district", "oblast", "province", "region",
};

/* Prepositions that make an unknown name a place. */
static const char *const PLACE_PREPS[] = {
        "across", "around", "at",      "from",   "in",      "inside",
        "into",   "near",   "outside", "toward", "towards",
};

/* Verbs after an unknown name that make it a person. */
static const char *const SPEECH_VERBS[] = {
        "added",     "adds",     "announced", "argued",   "asked", "claimed",
        "confirmed", "declared", "explained", "insisted", "noted", "replied",
        "said",      "says",     "stated",    "tells",    "told",  "urged",
        "warned",    "warns",    "writes",    "wrote",
};

/* Lower-case nouns after an unknown name that make it a thing. */
static const char *const THING_NOUNS[] = {
        "drone",     "drones",  "jet",      "jets",   "launcher",
        "launchers", "missile", "missiles", "rocket", "rockets",
        "system",    "systems", "tank",     "tanks",
};

static int cmp_place(const void *key, const void *elem)
{
	return strcmp((const char *)key, ((const place *)elem)->key);
}

static const place *place_find(const char *key)
{
	return bsearch(key, PLACES, CR_COUNT(PLACES), sizeof PLACES[0],
	               cmp_place);
}

#ifndef NDEBUG
#define SORTED(set) cr_lexicon_sorted(set, CR_COUNT(set))

/* The search tables are typed in by hand: check their order once per
 * call in debug builds rather than trust it. */
static int tables_sorted(void)
{
	for (size_t i = 1; i < CR_COUNT(PLACES); i++)
		if (strcmp(PLACES[i - 1].key, PLACES[i].key) >= 0)
			return 0;
	return SORTED(FIRST_NAMES) && SORTED(TITLES) && SORTED(TITLE_MODS) &&
	       SORTED(ORG_HEADS) && SORTED(OF_HEADS) &&
	       SORTED(PLACE_OF_HEADS) && SORTED(OTHER_HEADS) &&
	       SORTED(KNOWN_ORGS) && SORTED(BREAK_WORDS) &&
	       SORTED(LONE_WORDS) && SORTED(COMMON_STARTS) &&
	       SORTED(CONNECTORS) && SORTED(REGION_WORDS) &&
	       SORTED(PLACE_PREPS) && SORTED(SPEECH_VERBS) &&
	       SORTED(THING_NOUNS) && SORTED(PLACE_HEADS) &&
	       SORTED(OTHER_FIRSTS) && SORTED(PLACE_OF_NOUNS);
}
#endif

const char *cr_country_of(const char *norm, size_t n)
{
	char key[ENT_KEY_BYTES];
	if (!norm || n == 0 || n >= sizeof key)
		return NULL;
	memcpy(key, norm, n);
	key[n] = '\0';
	if (n > 2 && key[n - 2] == '\'' && key[n - 1] == 's')
		key[n -= 2] = '\0';
	const place *p = place_find(key);
	if (p && p->kind != PL_PLACE)
		return p->name;
	/* Plural demonyms name people of the country: "Ukrainians". */
	if (n > 3 && key[n - 1] == 's') {
		key[n - 1] = '\0';
		p = place_find(key);
		if (p && p->kind == PL_DEMONYM)
			return p->name;
	}
	return NULL;
}

/* Document evidence: how each word is written across the article. */
enum { EV_LOWER = 1, EV_CAP_MID = 2, EV_TITLE_MID = 4 };

typedef struct ev_slot {
	const char *norm;
	uint8_t flags;
} ev_slot;

typedef struct ctx {
	cr_article *a;
	uint32_t cap;   /* slots allocated in a->ments */
	uint32_t *pend; /* per mention: token range of a pending run */
	uint32_t pend_cap;
	ev_slot *ev; /* open addressing, size ev_mask + 1 */
	size_t ev_mask;
	const cr_gazetteer *gz; /* asks places and tables by hash when set */
	/* With gz: per token, the GZ_ bits of its bare norm with
	 * GZ_ASKED set once looked up (tok_in() asks the same token of
	 * several tables); NULL: not kept. */
	uint32_t *tables;
} ctx;

static const place *gz_place(const cr_gazetteer *g, const char *key,
                             size_t len);
static uint32_t gz_tables(const cr_gazetteer *g, const char *key, size_t len);

/* The word tables that tok_in() and key_in() ask through the gazetteer
 * set when a ctx has one: a bit each in the set's entries, so that one
 * hash probe answers what took a binary search per table. */
enum {
	GZ_BREAK_WORDS = 1u << 0,
	GZ_COMMON_STARTS = 1u << 1,
	GZ_CONNECTORS = 1u << 2,
	GZ_FIRST_NAMES = 1u << 3,
	GZ_LONE_WORDS = 1u << 4,
	GZ_OF_HEADS = 1u << 5,
	GZ_ORG_HEADS = 1u << 6,
	GZ_OTHER_FIRSTS = 1u << 7,
	GZ_OTHER_HEADS = 1u << 8,
	GZ_PLACE_HEADS = 1u << 9,
	GZ_PLACE_OF_HEADS = 1u << 10,
	GZ_PLACE_OF_NOUNS = 1u << 11,
	GZ_PLACE_PREPS = 1u << 12,
	GZ_REGION_WORDS = 1u << 13,
	GZ_SPEECH_VERBS = 1u << 14,
	GZ_THING_NOUNS = 1u << 15,
	GZ_TITLES = 1u << 16,
	GZ_TITLE_MODS = 1u << 17,
	GZ_KNOWN_ORGS = 1u << 18,
	GZ_ASKED = 1u << 31, /* in ctx.tables only: the bits are there */
};

static const char *tok_norm(const ctx *c, uint32_t i)
{
	return c->a->toks[i].norm ? c->a->toks[i].norm : "";
}

static int is_word(const ctx *c, uint32_t i)
{
	return (c->a->toks[i].flags & CR_TOK_WORD) != 0;
}

static int is_possessive(const ctx *c, uint32_t i)
{
	const char *n = tok_norm(c, i);
	size_t len = strlen(n);
	return len > 2 && n[len - 2] == '\'' && n[len - 1] == 's';
}

/* Copies the norm of token i without a possessive "'s". */
static size_t bare_norm(const ctx *c, uint32_t i, char *buf, size_t cap)
{
	const char *n = tok_norm(c, i);
	size_t len = strlen(n);
	if (is_possessive(c, i))
		len -= 2;
	if (len >= cap)
		len = cap - 1;
	memcpy(buf, n, len);
	buf[len] = '\0';
	return len;
}

/* Joins the bare norms of tokens [s, e) with single spaces into buf.
 * Returns 0 when the key does not fit. */
static int join_key(const ctx *c, uint32_t s, uint32_t e, char *buf, size_t cap)
{
	size_t used = 0;
	for (uint32_t i = s; i < e; i++) {
		char w[ENT_KEY_BYTES];
		size_t n = bare_norm(c, i, w, sizeof w);
		if (used + n + 2 > cap)
			return 0;
		if (i > s)
			buf[used++] = ' ';
		memcpy(buf + used, w, n);
		used += n;
	}
	buf[used] = '\0';
	return 1;
}

/* 1 when the key w of len bytes is in the table set of n words, whose
 * GZ_ bit is bit. */
static int key_in(const ctx *c, const char *w, size_t len,
                  const char *const *set, size_t n, uint32_t bit)
{
	if (c->gz)
		return (gz_tables(c->gz, w, len) & bit) != 0;
	return cr_lexicon_has(set, n, w);
}

/* 1 when the bare norm of token i is in the table set (see key_in()). */
static int tok_in(const ctx *c, uint32_t i, const char *const *set, size_t n,
                  uint32_t bit)
{
	char w[ENT_KEY_BYTES];
	if (c->gz && c->tables) {
		if (!(c->tables[i] & GZ_ASKED)) {
			size_t len = bare_norm(c, i, w, sizeof w);
			c->tables[i] = gz_tables(c->gz, w, len) | GZ_ASKED;
		}
		return (c->tables[i] & bit) != 0;
	}
	size_t len = bare_norm(c, i, w, sizeof w);
	return key_in(c, w, len, set, n, bit);
}

#define TOK_IN(c, i, set) tok_in(c, i, set, CR_COUNT(set), GZ_##set)
#define KEY_IN(c, w, set) key_in(c, w, strlen(w), set, CR_COUNT(set), GZ_##set)

/* The keys of the first 1 to ENT_MAX_KEY_TOKENS tokens from s within
 * [s, e), built once: key holds the longest that fits (ENT_KEY_BYTES)
 * and end[k] where the key of k tokens ends, each what join_key(c, s,
 * s + k) gives. Returns the longest k that fits. */
static uint32_t prefix_keys(const ctx *c, uint32_t s, uint32_t e, char *key,
                            size_t *end)
{
	uint32_t max = e - s < ENT_MAX_KEY_TOKENS ? e - s : ENT_MAX_KEY_TOKENS;
	size_t used = 0;
	uint32_t k = 0;
	for (uint32_t i = s; i < s + max; i++) {
		char w[ENT_KEY_BYTES];
		size_t n = bare_norm(c, i, w, sizeof w);
		if (used + n + 2 > ENT_KEY_BYTES)
			break;
		if (i > s)
			key[used++] = ' ';
		memcpy(key + used, w, n);
		used += n;
		end[++k] = used;
	}
	return k;
}

/* The longest place key starting at token s within [s, e); its token
 * count goes to *len. With the gazetteer set, each key costs one hash
 * probe instead of a binary search of PLACES. */
static const place *place_prefix(const ctx *c, uint32_t s, uint32_t e,
                                 uint32_t *len)
{
	char key[ENT_KEY_BYTES];
	size_t end[ENT_MAX_KEY_TOKENS + 1];
	for (uint32_t k = prefix_keys(c, s, e, key, end); k > 0; k--) {
		key[end[k]] = '\0';
		const place *p =
		        c->gz ? gz_place(c->gz, key, end[k]) : place_find(key);
		if (p) {
			*len = k;
			return p;
		}
	}
	return NULL;
}

/* The token count of the longest known organisation at s, or 0. */
static uint32_t known_org_prefix(const ctx *c, uint32_t s, uint32_t e)
{
	char key[ENT_KEY_BYTES];
	size_t end[ENT_MAX_KEY_TOKENS + 1];
	for (uint32_t k = prefix_keys(c, s, e, key, end); k > 0; k--) {
		key[end[k]] = '\0';
		if (KEY_IN(c, key, KNOWN_ORGS))
			return k;
	}
	return 0;
}

static ev_slot *ev_lookup(const ctx *c, const char *norm)
{
	if (!c->ev)
		return NULL;
	size_t h = (size_t)XXH3_64bits(norm, strlen(norm)) & c->ev_mask;
	while (c->ev[h].norm && strcmp(c->ev[h].norm, norm))
		h = (h + 1) & c->ev_mask;
	return &c->ev[h];
}

static uint8_t ev_flags(const ctx *c, const char *norm)
{
	ev_slot *s = ev_lookup(c, norm);
	return s && s->norm ? s->flags : 0;
}

/* 1 when token i starts its sentence or a clause that is written with a
 * capital, so its capital letter says nothing. */
static int is_initial(const ctx *c, uint32_t i)
{
	const cr_token *t = &c->a->toks[i];
	if (t->flags & CR_TOK_SENT0)
		return 1;
	if (i == 0 || c->a->toks[i - 1].sent != t->sent)
		return 0;
	/* After a quote mark, or the dash of a dateline ("CORBY, Monday -
	 * Crews ..."). */
	const cr_token *p = &c->a->toks[i - 1];
	return (p->flags & CR_TOK_QUOTE) ||
	       ((p->flags & CR_TOK_PUNCT) && p->norm && !strcmp(p->norm, "-"));
}

/* Records how each word is written (lower case, or capitalised inside a
 * sentence), keyed by its bare norm. */
static cr_err build_evidence(ctx *c)
{
	cr_article *a = c->a;
	uint32_t n = a->n_toks < ENT_EVIDENCE_TOKENS ? a->n_toks
	                                             : ENT_EVIDENCE_TOKENS;
	size_t size = 64;
	while (size < 2 * (size_t)n)
		size *= 2;
	c->ev = cr_arena_alloc(a->arena, size * sizeof *c->ev);
	if (!c->ev)
		return CR_ENOMEM;
	c->ev_mask = size - 1;
	for (uint32_t i = 0; i < n; i++) {
		const cr_token *t = &a->toks[i];
		if (!(t->flags & CR_TOK_WORD) || !t->norm)
			continue;
		uint8_t f = 0;
		if (!(t->flags & CR_TOK_CAP))
			f = EV_LOWER;
		else if (!is_initial(c, i))
			f = (t->flags & CR_TOK_UPPER)
			            ? EV_CAP_MID
			            : EV_CAP_MID | EV_TITLE_MID;
		if (!f)
			continue;
		const char *key = t->norm;
		if (is_possessive(c, i)) {
			key = cr_arena_strndup(a->arena, t->norm,
			                       strlen(t->norm) - 2);
			if (!key)
				return CR_ENOMEM;
		}
		ev_slot *s = ev_lookup(c, key);
		s->norm = key;
		s->flags |= f;
	}
	return CR_OK;
}

/* Body bytes of token i, without a possessive "'s" or "’s". */
static uint32_t tok_end_bare(const ctx *c, uint32_t i)
{
	const cr_token *t = &c->a->toks[i];
	uint32_t end = t->span.off + t->span.len;
	if (!is_possessive(c, i))
		return end;
	const char *b = c->a->body;
	end--; /* the s */
	if (end >= t->span.off + 3 && (unsigned char)b[end - 3] == 0xE2 &&
	    (unsigned char)b[end - 2] == 0x80 &&
	    ((unsigned char)b[end - 1] == 0x99 ||
	     (unsigned char)b[end - 1] == 0x98))
		return end - 3;
	if (end > t->span.off && b[end - 1] == '\'')
		return end - 1;
	return end + 1;
}

static cr_span run_span(const ctx *c, uint32_t s, uint32_t e)
{
	uint32_t off = c->a->toks[s].span.off;
	return (cr_span){off, tok_end_bare(c, e - 1) - off};
}

/* The text of tokens [s, e) as written, white space collapsed to one
 * space, possessive cut; arena. */
static char *surface(ctx *c, uint32_t s, uint32_t e)
{
	cr_span sp = run_span(c, s, e);
	char *out = cr_arena_alloc(c->a->arena, (size_t)sp.len + 1);
	if (!out)
		return NULL;
	const char *p = c->a->body + sp.off;
	size_t n = 0;
	for (uint32_t k = 0; k < sp.len; k++) {
		char ch = p[k];
		if (ch == ' ' || ch == '\t' || ch == '\n') {
			if (n && out[n - 1] != ' ')
				out[n++] = ' ';
			continue;
		}
		out[n++] = ch;
	}
	out[n] = '\0';
	return out;
}

/* Appends a mention; s and e (a token range) are kept for pending ones. */
static cr_err emit(ctx *c, cr_span span, uint32_t sent, uint8_t type,
                   uint8_t demonym, const char *name, uint32_t s, uint32_t e)
{
	cr_article *a = c->a;
	if (!name)
		return CR_ENOMEM;
	if (a->n_ments >= ENT_MAX_MENTIONS)
		return CR_OK;
	if (a->n_ments == c->cap) {
		uint32_t ncap = c->cap ? c->cap * 2 : 32;
		cr_mention *m = cr_arena_grow(a->arena, a->ments, c->cap, ncap,
		                              sizeof *m);
		uint32_t *p =
		        cr_arena_grow(a->arena, c->pend, (size_t)c->cap * 2,
		                      (size_t)ncap * 2, sizeof *p);
		if (!m || !p)
			return CR_ENOMEM;
		a->ments = m;
		c->pend = p;
		c->cap = ncap;
	}
	a->ments[a->n_ments] = (cr_mention){span, sent, type, demonym, name};
	c->pend[2 * a->n_ments] = s;
	c->pend[2 * a->n_ments + 1] = e;
	a->n_ments++;
	return CR_OK;
}

/* Lower-cases the ASCII letters of name that do not start a word. */
static void title_case(char *name)
{
	for (char *q = name; q && *q; q++)
		if (*q >= 'A' && *q <= 'Z' && q > name && q[-1] != ' ' &&
		    q[-1] != '-')
			*q = (char)(*q + 32);
}

/* Emits tokens [s, e) as written; a name in capitals ("CARROW FALLS",
 * a dateline) is written as a name ("Carrow Falls") unless it is one
 * acronym. */
static cr_err emit_run(ctx *c, uint32_t s, uint32_t e, uint8_t type)
{
	char *name = surface(c, s, e);
	int upper = 1;
	for (uint32_t i = s; i < e; i++)
		if (is_word(c, i) && !(c->a->toks[i].flags & CR_TOK_UPPER))
			upper = 0;
	/* One word in capitals may be an acronym: see classify(). */
	if (upper && e - s > 1)
		title_case(name);
	return emit(c, run_span(c, s, e), c->a->toks[s].sent, type, 0, name, s,
	            e);
}

/* A country or demonym: the place, then an embassy or ministry that the
 * words after it name ("Spanish embassy", "Russian defense ministry"). */
static cr_err emit_country(ctx *c, const place *p, uint32_t s, uint32_t e,
                           uint32_t sent_end)
{
	cr_article *a = c->a;
	uint32_t sent = a->toks[s].sent;
	cr_err err = emit(c, run_span(c, s, e), sent, CR_ENT_PLACE,
	                  p->kind == PL_DEMONYM, p->name, s, e);
	if (err != CR_OK || p->kind == PL_PLACE || is_possessive(c, e - 1))
		return err;
	for (uint32_t k = e; k < sent_end && k <= e + ENT_MAX_MINISTRY_GAP;
	     k++) {
		const cr_token *t = &a->toks[k];
		if (!(t->flags & CR_TOK_WORD) || (t->flags & CR_TOK_CAP) ||
		    (t->flags & CR_TOK_STOP))
			return CR_OK;
		const char *n = t->norm;
		if (k == e &&
		    (!strcmp(n, "embassy") || !strcmp(n, "consulate")))
			return emit(
			        c, run_span(c, s, k + 1), sent, CR_ENT_ORG, 0,
			        cr_arena_printf(a->arena, "%s %s", p->name, n),
			        s, k + 1);
		if (!strcmp(n, "ministry"))
			return emit_run(c, s, k + 1, CR_ENT_ORG);
	}
	return CR_OK;
}

static int is_cap_word(const ctx *c, uint32_t i)
{
	const cr_token *t = &c->a->toks[i];
	if ((t->flags & (CR_TOK_WORD | CR_TOK_CAP)) !=
	    (CR_TOK_WORD | CR_TOK_CAP))
		return 0;
	/* "US" is a stopword; "The" and "It" are not names. */
	if ((t->flags & CR_TOK_STOP) && !(t->flags & CR_TOK_UPPER))
		return 0;
	return !TOK_IN(c, i, BREAK_WORDS);
}

static cr_err classify(ctx *c, uint32_t s, uint32_t e, uint32_t sent_end,
                       int initial);

/* A capitalised word with a country inside a hyphen ("US-supplied",
 * "Russia-Ukraine") names those places; it never joins a run. Returns 1
 * when token i was such a word. */
static int hyphen_places(ctx *c, uint32_t i, cr_err *err)
{
	const cr_token *t = &c->a->toks[i];
	const char *b = c->a->body + t->span.off;
	if (!memchr(b, '-', t->span.len))
		return 0;
	int found = 0;
	uint32_t k = 0;
	while (k < t->span.len && *err == CR_OK) {
		uint32_t j = k;
		while (j < t->span.len && b[j] != '-')
			j++;
		char key[ENT_KEY_BYTES];
		uint32_t n = j - k;
		if (n > 0 && n < sizeof key && b[k] >= 'A' && b[k] <= 'Z') {
			for (uint32_t q = 0; q < n; q++) {
				char ch = b[k + q];
				key[q] = ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
			}
			key[n] = '\0';
			const place *p = place_find(key);
			if (p && p->kind != PL_PLACE) {
				*err = emit(c, (cr_span){t->span.off + k, n},
				            t->sent, CR_ENT_PLACE,
				            p->kind == PL_DEMONYM, p->name, i,
				            i + 1);
				found = 1;
			}
		}
		k = j + 1;
	}
	return found;
}

/* The end of the run of name tokens starting at s (exclusive). */
static uint32_t extend_run(ctx *c, uint32_t s, uint32_t sent_end)
{
	uint32_t last = s;
	uint32_t j = s + 1;
	if (is_possessive(c, s))
		return s + 1;
	while (j < sent_end && j - s < ENT_MAX_RUN) {
		cr_err ignore = CR_OK;
		if (is_cap_word(c, j)) {
			const char *b = c->a->body + c->a->toks[j].span.off;
			if (memchr(b, '-', c->a->toks[j].span.len)) {
				/* Looked at again by the caller. */
				char key[ENT_KEY_BYTES];
				bare_norm(c, j, key, sizeof key);
				char *dash = strchr(key, '-');
				*dash = '\0';
				const place *p = place_find(key);
				if (p && p->kind != PL_PLACE)
					break;
			}
			(void)ignore;
			last = j++;
			if (is_possessive(c, last))
				break;
			continue;
		}
		/* "Dr. Amara Castell": the dot of a title joins. */
		if (!strcmp(tok_norm(c, j), ".") && TOK_IN(c, last, TITLES) &&
		    j + 1 < sent_end && is_cap_word(c, j + 1)) {
			j++;
			continue;
		}
		if (!is_word(c, j) || (c->a->toks[j].flags & CR_TOK_CAP) ||
		    !TOK_IN(c, j, CONNECTORS))
			break;
		/* "of" and "for" join only after a head that takes them
		 * ("Bank of England"); "de", "von" join name parts. */
		const char *n = tok_norm(c, j);
		int of = !strcmp(n, "of") || !strcmp(n, "for") ||
		         !strcmp(n, "the");
		if (of && (!strcmp(n, "the") || !TOK_IN(c, last, OF_HEADS)))
			break;
		uint32_t k = j + 1;
		if (k < sent_end && !strcmp(tok_norm(c, k), "the"))
			k++;
		if (k >= sent_end || !is_cap_word(c, k))
			break;
		j = k;
	}
	return last + 1;
}

/* Types the run [s, e), splitting off titles and country prefixes. */
static cr_err classify(ctx *c, uint32_t s, uint32_t e, uint32_t sent_end,
                       int initial)
{
	cr_article *a = c->a;
	char key[ENT_KEY_BYTES];
	if (s >= e)
		return CR_OK;

	/* "Additional", "Earlier": capitalised only by position. */
	if (initial) {
		bare_norm(c, s, key, sizeof key);
		uint32_t plen = 0;
		if (CR_LEXICON_HAS(COMMON_STARTS, key) ||
		    ((ev_flags(c, key) & EV_LOWER) &&
		     !place_prefix(c, s, e, &plen) &&
		     !CR_LEXICON_HAS(FIRST_NAMES, key) &&
		     !CR_LEXICON_HAS(TITLES, key) &&
		     !CR_LEXICON_HAS(TITLE_MODS, key) &&
		     !(e - s > 1 && CR_LEXICON_HAS(OTHER_FIRSTS, key))))
			return classify(c, s + 1, e, sent_end, 0);
	}
	uint32_t len = e - s;
	if (len == 1 && TOK_IN(c, s, LONE_WORDS))
		return CR_OK;
	if (join_key(c, s, e, key, sizeof key) &&
	    (!strcmp(key, "new year") || !strcmp(key, "new year's eve")))
		return CR_OK;

	/* "Ukrainian Foreign Ministry", "Financial Times": organisations
	 * by their last word; a country in front is also a place. */
	uint32_t plen = 0;
	const place *p = place_prefix(c, s, e, &plen);
	if (len >= 2 && TOK_IN(c, e - 1, ORG_HEADS)) {
		if (p && plen < len && p->kind != PL_PLACE) {
			cr_err err = emit(c, run_span(c, s, s + plen),
			                  a->toks[s].sent, CR_ENT_PLACE,
			                  p->kind == PL_DEMONYM, p->name, s,
			                  s + plen);
			if (err != CR_OK)
				return err;
		}
		return emit_run(c, s, e, CR_ENT_ORG);
	}

	/* Titles: "US President Joe Biden", "Prime Minister Keir Starmer". */
	for (uint32_t k = s; k < e; k++) {
		if (!TOK_IN(c, k, TITLES))
			continue;
		uint32_t m = k;
		while (m > s && TOK_IN(c, m - 1, TITLE_MODS))
			m--;
		uint32_t r = k + 1;
		while (r < e && (TOK_IN(c, r, TITLES) ||
		                 TOK_IN(c, r, TITLE_MODS) || !is_word(c, r)))
			r++;
		cr_err err = classify(c, s, m, sent_end, initial);
		if (err == CR_OK && r < e)
			err = emit_run(c, r, e, CR_ENT_PERSON);
		return err;
	}

	uint32_t olen = known_org_prefix(c, s, e);
	if (olen)
		return emit_run(c, s, e, CR_ENT_ORG);

	/* Countries, demonyms and cities, alone or in front of a name. */
	if (p && !(plen < len && p->kind == PL_COUNTRY && len <= 3 &&
	           TOK_IN(c, s, FIRST_NAMES))) {
		if (plen < len) {
			cr_err err = emit(c, run_span(c, s, s + plen),
			                  a->toks[s].sent, CR_ENT_PLACE,
			                  p->kind == PL_DEMONYM, p->name, s,
			                  s + plen);
			if (err != CR_OK)
				return err;
			return classify(c, s + plen, e, sent_end, 0);
		}
		if (p->kind == PL_PLACE && e < sent_end &&
		    !is_possessive(c, e - 1) && TOK_IN(c, e, REGION_WORDS))
			return emit_run(c, s, e + 1, CR_ENT_PLACE);
		return emit_country(c, p, s, e, sent_end);
	}

	if (TOK_IN(c, e - 1, OTHER_HEADS) && len >= 2)
		return emit_run(c, s, e, CR_ENT_OTHER);
	if (TOK_IN(c, s, OTHER_FIRSTS) && len >= 2)
		return emit_run(c, s, e, CR_ENT_OTHER);
	if (TOK_IN(c, e - 1, PLACE_HEADS) && len >= 2)
		return emit_run(c, s, e, CR_ENT_PLACE);

	/* "Center for Countering Disinformation", "Gulf of Mexico". */
	if (len >= 3 && TOK_IN(c, s, OF_HEADS) && TOK_IN(c, s + 1, CONNECTORS))
		return emit_run(c, s, e,
		                TOK_IN(c, s, PLACE_OF_HEADS) ? CR_ENT_PLACE
		                                             : CR_ENT_ORG);

	if (TOK_IN(c, s, FIRST_NAMES) && len >= 2 && len <= 4)
		return emit_run(c, s, e, CR_ENT_PERSON);

	if (e < sent_end && !is_possessive(c, e - 1) &&
	    TOK_IN(c, e, REGION_WORDS))
		return emit_run(c, s, e + 1, CR_ENT_PLACE);

	if (len == 1 && (a->toks[s].flags & CR_TOK_UPPER)) {
		/* A dateline: "CORBEL, Thursday ..." opens a paragraph. */
		const cr_sentence *st = &a->sents[a->toks[s].sent];
		int para0 = a->toks[s].sent == 0 ||
		            a->sents[a->toks[s].sent - 1].para != st->para;
		if (s == st->tok_begin && para0 && e < sent_end &&
		    !is_word(c, e)) {
			char *name = surface(c, s, e);
			title_case(name);
			return emit(c, run_span(c, s, e), a->toks[s].sent,
			            CR_ENT_PLACE, 0, name, s, e);
		}
		/* "SALTMERE" where "Saltmere" is written too: a name. */
		bare_norm(c, s, key, sizeof key);
		if (!(ev_flags(c, key) & EV_TITLE_MID))
			return emit_run(c, s, e, CR_ENT_OTHER);
	}

	/* Decided once the whole article is read. */
	cr_err err = emit_run(c, s, e, TYPE_PENDING);
	if (err == CR_OK && len == 1 && (a->toks[s].flags & CR_TOK_UPPER))
		title_case((char *)a->ments[a->n_ments - 1].name);
	if (err == CR_OK && initial)
		a->ments[a->n_ments - 1].demonym = 1; /* marks "initial" */
	return err;
}

/* The type of a mention typed by a table whose name is name (case
 * aside), or whose first word it is for an organisation ("Halvern" of
 * "Halvern Pharmaceuticals"); TYPE_PENDING when none. */
static uint8_t known_type(const cr_article *a, const char *name)
{
	size_t n = strlen(name);
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const cr_mention *m = &a->ments[i];
		if (m->type == TYPE_PENDING || m->demonym)
			continue;
		if (!strcasecmp(m->name, name))
			return m->type;
		if (m->type == CR_ENT_ORG && !strncmp(m->name, name, n) &&
		    m->name[n] == ' ')
			return CR_ENT_ORG;
	}
	return TYPE_PENDING;
}

/* 1 when name's last word is the last word of a known person. */
static int is_surname(const cr_article *a, const char *word)
{
	size_t wn = strlen(word);
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const cr_mention *m = &a->ments[i];
		if (m->type != CR_ENT_PERSON)
			continue;
		const char *sp = strrchr(m->name, ' ');
		if (sp && !strcmp(sp + 1, word) && (size_t)(sp - m->name) > 0 &&
		    strlen(sp + 1) == wn)
			return 1;
	}
	return 0;
}

/* The lengths of the mentions' names and where their last word starts
 * (0: one word), measured once for the loops over all mentions that
 * cr_entities_from_tags() runs for each one-word name. */
typedef struct name_len {
	uint32_t len;
	uint32_t last;
} name_len;

/* known_type() of name (n bytes) with the names' lengths nl: only
 * names of the same length can be equal, and only longer ones can
 * start with name and a space. */
static uint8_t known_type_n(const cr_article *a, const name_len *nl,
                            const char *name, size_t n)
{
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const cr_mention *m = &a->ments[i];
		if (m->type == TYPE_PENDING || m->demonym)
			continue;
		if (nl[i].len == n && !strcasecmp(m->name, name))
			return m->type;
		if (m->type == CR_ENT_ORG && nl[i].len > n &&
		    m->name[n] == ' ' && !memcmp(m->name, name, n))
			return CR_ENT_ORG;
	}
	return TYPE_PENDING;
}

/* is_surname() of word (wn bytes) with the names' lengths nl. */
static int is_surname_n(const cr_article *a, const name_len *nl,
                        const char *word, size_t wn)
{
	for (uint32_t i = 0; i < a->n_ments; i++) {
		const cr_mention *m = &a->ments[i];
		if (m->type != CR_ENT_PERSON || !nl[i].last ||
		    nl[i].len - nl[i].last != wn)
			continue;
		if (!memcmp(m->name + nl[i].last, word, wn))
			return 1;
	}
	return 0;
}

/* Types the runs no table explained, from their neighbours and from the
 * people named elsewhere in the article; drops sentence-initial words
 * that nothing supports. */
static void resolve_pending(ctx *c, int singles)
{
	cr_article *a = c->a;
	uint32_t out = 0;
	for (uint32_t i = 0; i < a->n_ments; i++) {
		cr_mention m = a->ments[i];
		uint32_t s = c->pend[2 * i], e = c->pend[2 * i + 1];
		if (m.type == TYPE_PENDING && (singles || e - s > 1)) {
			int initial = m.demonym;
			m.demonym = 0;
			const cr_sentence *st = &a->sents[m.sent];
			uint32_t len = e - s;
			char key[ENT_KEY_BYTES];
			bare_norm(c, s, key, sizeof key);
			int cap_mid = (ev_flags(c, key) & EV_CAP_MID) != 0;
			uint8_t type = known_type(a, m.name);
			if (type != TYPE_PENDING)
				;
			else if (len == 1 && !strchr(m.name, ' ') &&
			         is_surname(a, m.name))
				type = CR_ENT_PERSON;
			else if (e < st->tok_end &&
			         TOK_IN(c, e, SPEECH_VERBS) &&
			         (!initial || len > 1))
				type = CR_ENT_PERSON;
			else if (e < st->tok_end && TOK_IN(c, e, THING_NOUNS))
				type = CR_ENT_OTHER;
			else if (s > st->tok_begin &&
			         TOK_IN(c, s - 1, PLACE_PREPS))
				type = CR_ENT_PLACE;
			else if (s > st->tok_begin + 1 &&
			         !strcmp(tok_norm(c, s - 1), "of") &&
			         TOK_IN(c, s - 2, PLACE_OF_NOUNS))
				type = CR_ENT_PLACE;
			else if (initial && len == 1) {
				if (cap_mid && !(ev_flags(c, key) & EV_LOWER))
					type = CR_ENT_OTHER;
			} else if (len >= 2 && len <= 3)
				type = CR_ENT_PERSON;
			else
				type = CR_ENT_OTHER;
			if (type == TYPE_PENDING)
				continue;
			m.type = type;
		}
		c->pend[2 * out] = s;
		c->pend[2 * out + 1] = e;
		a->ments[out++] = m;
	}
	a->n_ments = out;
}

cr_err cr_entities_find(cr_article *a)
{
	if (!a || (a->n_toks && !a->toks) || (a->n_sents && !a->sents))
		return CR_EINVAL;
	assert(tables_sorted());
	a->ments = NULL;
	a->n_ments = 0;
	if (!a->n_toks)
		return CR_OK;
	ctx c = {.a = a};
	cr_err err = build_evidence(&c);
	for (uint32_t si = 0; si < a->n_sents && err == CR_OK; si++) {
		const cr_sentence *st = &a->sents[si];
		uint32_t end =
		        st->tok_end < a->n_toks ? st->tok_end : a->n_toks;
		uint32_t i = st->tok_begin;
		while (i < end && err == CR_OK) {
			if (!is_word(&c, i)) {
				i++;
				continue;
			}
			if ((a->toks[i].flags & CR_TOK_CAP) &&
			    hyphen_places(&c, i, &err)) {
				i++;
				continue;
			}
			if (!is_cap_word(&c, i)) {
				i++;
				continue;
			}
			uint32_t j = extend_run(&c, i, end);
			err = classify(&c, i, j, end, is_initial(&c, i));
			i = j;
		}
	}
	/* Names of several words first: they make "Holt" a surname. */
	if (err == CR_OK) {
		resolve_pending(&c, 0);
		resolve_pending(&c, 1);
	}
	return err;
}

unsigned cr_entity_gazetteer(const char *norm)
{
	unsigned g = 0;
	if (!norm || !*norm)
		return 0;
	const place *p = place_find(norm);
	if (p)
		g |= p->kind == PL_COUNTRY   ? CR_GAZ_COUNTRY
		     : p->kind == PL_DEMONYM ? CR_GAZ_DEMONYM
		                             : CR_GAZ_PLACE;
	if (CR_LEXICON_HAS(FIRST_NAMES, norm))
		g |= CR_GAZ_FIRST;
	if (CR_LEXICON_HAS(TITLES, norm) || CR_LEXICON_HAS(TITLE_MODS, norm))
		g |= CR_GAZ_TITLE;
	if (CR_LEXICON_HAS(ORG_HEADS, norm))
		g |= CR_GAZ_ORG_HEAD;
	if (CR_LEXICON_HAS(KNOWN_ORGS, norm))
		g |= CR_GAZ_ORG;
	if (CR_LEXICON_HAS(OTHER_HEADS, norm) ||
	    CR_LEXICON_HAS(OTHER_FIRSTS, norm))
		g |= CR_GAZ_OTHER;
	if (CR_LEXICON_HAS(SPEECH_VERBS, norm))
		g |= CR_GAZ_SPEECH;
	if (CR_LEXICON_HAS(PLACE_HEADS, norm))
		g |= CR_GAZ_PLACE_HEAD;
	return g;
}

/* One word of the gazetteer set: its hash, its bytes (a table entry,
 * static, under GZ_MAX_LEN bytes), its bits, its entry of PLACES and the
 * GZ_ bits of the tables holding it; word NULL marks an empty slot. 24
 * bytes, so that the set stays small enough to stay in cache. */
#define GZ_MAX_LEN 256
typedef struct gz_slot {
	uint64_t hash;
	const char *word;
	uint32_t tables : 24;
	uint32_t len : 8;
	uint16_t place; /* 1 + index into PLACES, 0 = none */
	uint16_t bits;
} gz_slot;
_Static_assert(GZ_KNOWN_ORGS < (1u << 24), "the GZ_ bits fit a slot");
_Static_assert(CR_COUNT(PLACES) < UINT16_MAX, "a place index fits a slot");

struct cr_gazetteer {
	gz_slot *slot;
	size_t mask; /* slot count - 1, at most half the slots are used */
};

/* The slot where the len bytes at w with hash h are or would go. */
static gz_slot *gz_find(const cr_gazetteer *g, const char *w, size_t len,
                        uint64_t h)
{
	size_t k = (size_t)h & g->mask;
	while (g->slot[k].word &&
	       (g->slot[k].hash != h || g->slot[k].len != len ||
	        memcmp(g->slot[k].word, w, len)))
		k = (k + 1) & g->mask;
	return &g->slot[k];
}

/* Puts the word w of table (a GZ_ bit, 0 for PLACES) into g with its
 * bits (cr_entity_gazetteer()'s, so that both answer alike) and its
 * place_find() entry; a word in several tables goes in once, with the
 * bits of each. */
static void gz_put(cr_gazetteer *g, const char *w, uint32_t table)
{
	size_t len = strlen(w);
	assert(len < GZ_MAX_LEN);
	uint64_t h = XXH3_64bits(w, len);
	gz_slot *s = gz_find(g, w, len, h);
	if (!s->word) {
		const place *p = place_find(w);
		*s = (gz_slot){.hash = h,
		               .word = w,
		               .len = (uint32_t)len,
		               .place = p ? (uint16_t)(p - PLACES + 1) : 0,
		               .bits = (uint16_t)cr_entity_gazetteer(w)};
	}
	s->tables |= table;
}

/* The GZ_ bits of the tables holding the len bytes at key. */
static uint32_t gz_tables(const cr_gazetteer *g, const char *key, size_t len)
{
	return gz_find(g, key, len, XXH3_64bits(key, len))->tables;
}

/* place_find() of the len bytes at key, through the set g, which holds
 * every key of PLACES. */
static const place *gz_place(const cr_gazetteer *g, const char *key, size_t len)
{
	const gz_slot *s = gz_find(g, key, len, XXH3_64bits(key, len));
	return s->place ? &PLACES[s->place - 1] : NULL;
}

cr_gazetteer *cr_gazetteer_new(void)
{
	/* Every table cr_entity_gazetteer() reads, and those tok_in()
	 * asks. */
	static const struct {
		const char *const *words;
		size_t n;
		uint32_t bit;
	} tables[] = {
	        {BREAK_WORDS, CR_COUNT(BREAK_WORDS), GZ_BREAK_WORDS},
	        {COMMON_STARTS, CR_COUNT(COMMON_STARTS), GZ_COMMON_STARTS},
	        {CONNECTORS, CR_COUNT(CONNECTORS), GZ_CONNECTORS},
	        {FIRST_NAMES, CR_COUNT(FIRST_NAMES), GZ_FIRST_NAMES},
	        {LONE_WORDS, CR_COUNT(LONE_WORDS), GZ_LONE_WORDS},
	        {OF_HEADS, CR_COUNT(OF_HEADS), GZ_OF_HEADS},
	        {ORG_HEADS, CR_COUNT(ORG_HEADS), GZ_ORG_HEADS},
	        {OTHER_FIRSTS, CR_COUNT(OTHER_FIRSTS), GZ_OTHER_FIRSTS},
	        {OTHER_HEADS, CR_COUNT(OTHER_HEADS), GZ_OTHER_HEADS},
	        {PLACE_HEADS, CR_COUNT(PLACE_HEADS), GZ_PLACE_HEADS},
	        {PLACE_OF_HEADS, CR_COUNT(PLACE_OF_HEADS), GZ_PLACE_OF_HEADS},
	        {PLACE_OF_NOUNS, CR_COUNT(PLACE_OF_NOUNS), GZ_PLACE_OF_NOUNS},
	        {PLACE_PREPS, CR_COUNT(PLACE_PREPS), GZ_PLACE_PREPS},
	        {REGION_WORDS, CR_COUNT(REGION_WORDS), GZ_REGION_WORDS},
	        {SPEECH_VERBS, CR_COUNT(SPEECH_VERBS), GZ_SPEECH_VERBS},
	        {THING_NOUNS, CR_COUNT(THING_NOUNS), GZ_THING_NOUNS},
	        {TITLES, CR_COUNT(TITLES), GZ_TITLES},
	        {TITLE_MODS, CR_COUNT(TITLE_MODS), GZ_TITLE_MODS},
	        {KNOWN_ORGS, CR_COUNT(KNOWN_ORGS), GZ_KNOWN_ORGS},
	};
	size_t n = CR_COUNT(PLACES);
	for (size_t t = 0; t < CR_COUNT(tables); t++)
		n += tables[t].n;
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	cr_gazetteer *g = malloc(sizeof *g);
	gz_slot *slot = calloc(cap, sizeof *slot);
	if (!g || !slot) {
		free(g);
		free(slot);
		return NULL;
	}
	g->slot = slot;
	g->mask = cap - 1;
	for (size_t i = 0; i < CR_COUNT(PLACES); i++)
		gz_put(g, PLACES[i].key, 0);
	for (size_t t = 0; t < CR_COUNT(tables); t++)
		for (size_t i = 0; i < tables[t].n; i++)
			gz_put(g, tables[t].words[i], tables[t].bit);
	return g;
}

unsigned cr_gazetteer_bits(const cr_gazetteer *g, const char *w, size_t len)
{
	if (!g || !w)
		return 0;
	return gz_find(g, w, len, XXH3_64bits(w, len))->bits;
}

unsigned cr_gazetteer_bits_hashed(const cr_gazetteer *g, const char *w,
                                  size_t len, uint64_t hash)
{
	if (!g || !w)
		return 0;
	return gz_find(g, w, len, hash)->bits;
}

void cr_gazetteer_prefetch(const cr_gazetteer *g, uint64_t hash)
{
	if (g)
		__builtin_prefetch(&g->slot[(size_t)hash & g->mask]);
}

void cr_gazetteer_free(cr_gazetteer *g)
{
	if (!g)
		return;
	free(g->slot);
	free(g);
}

/* "Port of Saltmarsh", "Bank of England": an organisation named after a
 * place names the place too, so that a statement naming it shares the
 * place with one that names the place alone. The words after "of" (and
 * "the") in the organisation [s, e) are emitted as a place when they are
 * all capitalised and either a known place, or the head before "of" is
 * one the rules never join ("Port"), which rules out "Ministry of
 * Labour" and "Department of Justice". */
static cr_err emit_of_place(ctx *c, uint32_t s, uint32_t e)
{
	uint32_t k = s + 1;
	while (k + 1 < e && strcmp(tok_norm(c, k), "of"))
		k++;
	if (k + 1 >= e)
		return CR_OK;
	uint32_t t = k + 1;
	if (t + 1 < e && !strcmp(tok_norm(c, t), "the"))
		t++;
	for (uint32_t i = t; i < e; i++)
		if (!is_cap_word(c, i) || (i + 1 < e && is_possessive(c, i)))
			return CR_OK;
	uint32_t plen = 0;
	const place *p = place_prefix(c, t, e, &plen);
	if (p && plen == e - t && p->kind != PL_DEMONYM)
		return emit(c, run_span(c, t, e), c->a->toks[t].sent,
		            CR_ENT_PLACE, 0, p->name, t, e);
	if (TOK_IN(c, k - 1, OF_HEADS))
		return CR_OK;
	return emit_run(c, t, e, CR_ENT_PLACE);
}

/* Emits the tagged name [s, e) of type (a cr_entity_type) as the rules
 * would name and type it, where the tables know better than a model
 * trained on 1996 wire text: a person's leading titles ("Mayor") are
 * cut; a known organisation is one; a name ending in "Systems" or
 * "Treaty" is a thing; a lone country or demonym goes through
 * emit_country() (which also adds "US embassy"); "US-made" names the US;
 * a place followed by "region" takes that word in; "Ukrainian Foreign
 * Ministry" is also the place Ukraine. Words the rules never take alone
 * ("Western", "New Year") are dropped. */
static cr_err emit_tagged(ctx *c, uint32_t s, uint32_t e, uint32_t sent_end,
                          uint8_t type)
{
	char key[ENT_KEY_BYTES];
	if (type == CR_ENT_PERSON) {
		while (s < e && (TOK_IN(c, s, TITLES) ||
		                 TOK_IN(c, s, TITLE_MODS) || !is_word(c, s)))
			s++;
		if (s == e)
			return CR_OK;
	}
	/* "Storm Ilse": a first word the model left out. */
	const cr_token *t0 = &c->a->toks[s];
	if (s > 0 && c->a->toks[s - 1].sent == t0->sent &&
	    is_cap_word(c, s - 1) && TOK_IN(c, s - 1, OTHER_FIRSTS)) {
		s--;
		type = CR_ENT_OTHER;
	}
	uint32_t len = e - s;
	if (len == 1 && TOK_IN(c, s, LONE_WORDS))
		return CR_OK;
	/* "Follow", "Read": capitalised by position only. */
	if (len == 1 && is_initial(c, s) && TOK_IN(c, s, COMMON_STARTS))
		return CR_OK;
	/* A dateline in capitals ("SALTMERE, Monday -") is written as the
	 * name it is. */
	if (len == 1 && (t0->flags & CR_TOK_UPPER) && type == CR_ENT_PLACE &&
	    is_initial(c, s) && e < sent_end && !is_word(c, e) &&
	    !place_prefix(c, s, e, &(uint32_t){0})) {
		char *name = surface(c, s, e);
		title_case(name);
		return emit(c, run_span(c, s, e), t0->sent, CR_ENT_PLACE, 0,
		            name, s, e);
	}
	if (join_key(c, s, e, key, sizeof key)) {
		if (!strcmp(key, "new year") || !strcmp(key, "new year's eve"))
			return CR_OK;
		if (KEY_IN(c, key, KNOWN_ORGS))
			type = CR_ENT_ORG;
	}
	if (len >= 2 && TOK_IN(c, e - 1, OTHER_HEADS))
		type = CR_ENT_OTHER;
	if (len >= 2 && TOK_IN(c, e - 1, ORG_HEADS) && type == CR_ENT_PERSON)
		type = CR_ENT_ORG;
	cr_err err = CR_OK;
	if (len == 1 && hyphen_places(c, s, &err))
		return err;
	uint32_t plen = 0;
	const place *p = place_prefix(c, s, e, &plen);
	if (p && plen == len && p->kind != PL_PLACE)
		return emit_country(c, p, s, e, sent_end);
	if (type == CR_ENT_PLACE && e < sent_end && !is_possessive(c, e - 1) &&
	    TOK_IN(c, e, REGION_WORDS))
		return emit_run(c, s, e + 1, CR_ENT_PLACE);
	if (p && plen == len && type == CR_ENT_PLACE)
		return emit_country(c, p, s, e, sent_end);
	if (p && plen < len && p->kind != PL_PLACE && type == CR_ENT_ORG &&
	    TOK_IN(c, e - 1, ORG_HEADS)) {
		err = emit(c, run_span(c, s, s + plen), c->a->toks[s].sent,
		           CR_ENT_PLACE, p->kind == PL_DEMONYM, p->name, s,
		           s + plen);
		if (err != CR_OK)
			return err;
	}
	err = emit_run(c, s, e, type);
	if (err == CR_OK && type == CR_ENT_ORG)
		err = emit_of_place(c, s, e);
	return err;
}

cr_err cr_entities_from_tags(cr_article *a, const uint8_t *tags)
{
	return cr_entities_from_tags_with(a, tags, NULL);
}

cr_err cr_entities_from_tags_with(cr_article *a, const uint8_t *tags,
                                  const cr_gazetteer *g)
{
	if (!a || (a->n_toks && (!a->toks || !tags)) ||
	    (a->n_sents && !a->sents))
		return CR_EINVAL;
	a->ments = NULL;
	a->n_ments = 0;
	ctx c = {.a = a, .gz = g};
	cr_err err = CR_OK;
	if (g && a->n_toks) {
		c.tables = calloc(a->n_toks, sizeof *c.tables);
		if (!c.tables)
			return CR_ENOMEM;
	}
	for (uint32_t si = 0; si < a->n_sents && err == CR_OK; si++) {
		const cr_sentence *st = &a->sents[si];
		uint32_t end =
		        st->tok_end < a->n_toks ? st->tok_end : a->n_toks;
		uint32_t i = st->tok_begin;
		while (i < end && err == CR_OK) {
			uint8_t t = tags[i];
			if (t == 0 || t > 8) {
				/* "US-built": the rules' places inside a word.
				 */
				if (is_word(&c, i) &&
				    (a->toks[i].flags & CR_TOK_CAP))
					hyphen_places(&c, i, &err);
				i++;
				continue;
			}
			uint8_t type = (uint8_t)((t - 1) / 2);
			uint32_t j = i + 1;
			for (;;) {
				while (j < end && j - i < ENT_MAX_RUN * 2 &&
				       tags[j] == 2 + 2 * type &&
				       !is_possessive(&c, j - 1))
					j++;
				/* "Ministry" "of" "Labour" tagged apart: one
				 * name, as the rules take it. */
				if (j + 1 < end && j - i < ENT_MAX_RUN &&
				    !is_possessive(&c, j - 1) &&
				    TOK_IN(&c, j - 1, OF_HEADS) &&
				    (!strcmp(tok_norm(&c, j), "of") ||
				     !strcmp(tok_norm(&c, j), "for")) &&
				    tags[j + 1] && tags[j + 1] % 2 == 1) {
					j += 2;
					continue;
				}
				break;
			}
			/* Determiners are not part of a name. */
			while (i < j && !strcmp(tok_norm(&c, i), "the"))
				i++;
			int capital = 0;
			for (uint32_t k = i; k < j; k++)
				capital |= (a->toks[k].flags & CR_TOK_CAP) != 0;
			if (capital)
				err = emit_tagged(&c, i, j, end, type);
			i = j;
		}
	}
	/* "Halvern" of "Halvern Pharmaceuticals" is the company, and
	 * "Biden" after "Joe Biden" the person: what a tagger looking at
	 * one sentence may miss. Names do not change here, only types, so
	 * their lengths are measured once. */
	name_len *nl = NULL;
	if (err == CR_OK && a->n_ments) {
		nl = malloc((size_t)a->n_ments * sizeof *nl);
		if (!nl)
			err = CR_ENOMEM;
		for (uint32_t k = 0; nl && k < a->n_ments; k++) {
			const char *name = a->ments[k].name;
			const char *sp = strrchr(name, ' ');
			nl[k].len = (uint32_t)strlen(name);
			nl[k].last =
			        sp && sp > name ? (uint32_t)(sp + 1 - name) : 0;
		}
	}
	for (uint32_t k = 0; k < a->n_ments && err == CR_OK; k++) {
		cr_mention *m = &a->ments[k];
		size_t n = nl[k].len;
		if (m->demonym || memchr(m->name, ' ', n))
			continue;
		if (m->type != CR_ENT_PERSON && is_surname_n(a, nl, m->name, n))
			m->type = CR_ENT_PERSON;
		else if (m->type != CR_ENT_ORG &&
		         known_type_n(a, nl, m->name, n) == CR_ENT_ORG &&
		         !is_surname_n(a, nl, m->name, n))
			m->type = CR_ENT_ORG;
	}
	/* One name, one type in an article: the type it has most often,
	 * ties going to the first mention's. Each mention finds the first
	 * of its name in a hash table of the names met so far (by hash,
	 * then bytes) and votes there; then every mention of a name takes
	 * its winner. One pass, where comparing each name with every later
	 * one grew with the square of the mentions. */
	uint64_t *nh = NULL;
	uint32_t *grp = NULL;   /* 1 + the first mention of its name, or 0 */
	uint32_t *first = NULL; /* open addressing: 1 + a name's first */
	struct vote {
		uint32_t n[4];
		uint8_t best; /* the first mention's type, then the winner */
	} *vt = NULL;
	size_t mask = 0;
	if (err == CR_OK && a->n_ments) {
		size_t cap = 16;
		while (cap < 2 * (size_t)a->n_ments)
			cap *= 2;
		mask = cap - 1;
		nh = malloc((size_t)a->n_ments * sizeof *nh);
		grp = calloc(a->n_ments, sizeof *grp);
		first = calloc(cap, sizeof *first);
		vt = malloc((size_t)a->n_ments * sizeof *vt);
		if (!nh || !grp || !first || !vt)
			err = CR_ENOMEM;
		for (uint32_t k = 0; nh && k < a->n_ments; k++)
			nh[k] = XXH3_64bits(a->ments[k].name, nl[k].len);
	}
	for (uint32_t k = 0; k < a->n_ments && err == CR_OK; k++) {
		const cr_mention *m = &a->ments[k];
		if (m->demonym)
			continue;
		size_t h = (size_t)nh[k] & mask;
		while (first[h] &&
		       (nh[first[h] - 1] != nh[k] ||
		        strcmp(a->ments[first[h] - 1].name, m->name)))
			h = (h + 1) & mask;
		if (!first[h]) {
			first[h] = k + 1;
			vt[k] = (struct vote){{0}, 0xff};
		}
		grp[k] = first[h];
		struct vote *v = &vt[first[h] - 1];
		if (m->type >= 4)
			continue;
		v->n[m->type]++;
		if (v->best == 0xff)
			v->best = m->type;
	}
	for (uint32_t k = 0; k < a->n_ments && err == CR_OK; k++) {
		if (grp[k] != k + 1 || vt[k].best == 0xff)
			continue;
		uint8_t best = vt[k].best;
		for (uint8_t t = 0; t < 4; t++)
			if (vt[k].n[t] > vt[k].n[best])
				best = t;
		vt[k].best = best;
	}
	for (uint32_t q = 0; q < a->n_ments && err == CR_OK; q++)
		if (grp[q] && vt[grp[q] - 1].best != 0xff)
			a->ments[q].type = vt[grp[q] - 1].best;
	free(vt);
	free(first);
	free(grp);
	free(nh);
	free(nl);
	free(c.tables);
	return err;
}
