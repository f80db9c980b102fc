import GeoCore

/// Words around a name that say what it is. Folded (lowercase, no accents).
enum Cues {
    /// Particles allowed inside a multi-word name without a capital: "Jisr al-Choughour", "Ras al-Ain",
    /// "Tall Tamr", "Deir ez-Zor", "Maaret al-Noomane", "Qal‘at al-Madiq".
    static let nameParticles: WordSet = [
        "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez", "en", "ech", "ach", "esh", "et", "ul",
        "um", "umm", "bin", "ibn", "bani", "beni", "abu", "abou", "de", "du", "des", "la", "le", "les", "of", "sur",
    ]

    /// Arabic articles that may open a name written without a capital ("al-Bab", "el-Bab").
    static let articles: WordSet = ["al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "ez", "ech", "ach", "esh"]

    /// Words right before a name that announce a place.
    static let placeBefore: WordSet = [
        "in", "at", "near", "from", "to", "into", "towards", "toward", "outside", "around", "of", "across",
        "a", "au", "aux", "de", "d", "du", "des", "dans", "pres", "vers", "sur", "entre", "depuis",
    ]

    /// Type words before ("the town of X", "la ville de X") or after ("X city", "X province") a name.
    static let settlementWords: WordSet = ["city", "town", "village", "villages", "ville", "village", "localite", "localites",
                                               "bourgade", "cite", "quartier", "neighbourhood", "neighborhood", "district", "agglomeration", "commune",
                                               "camp"]
    /// Plural type words that open a list of places ("the villages of …", "les localités de …").
    static let listWords: WordSet = ["villages", "towns", "hamlets", "localities", "cities", "localites", "villes", "bourgades",
                                     "hameaux", "agglomerations", "quartiers", "neighbourhoods", "neighborhoods"]
    /// Words that name what follows as a city's neighbourhoods ("the neighbourhoods of …", "le quartier de …").
    static let neighbourhoodWords: WordSet = ["neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods", "quartier", "quartiers"]
    static let regionWords: WordSet = ["province", "governorate", "gouvernorat", "region", "countryside", "campagne", "countrysides"]
    /// Directional adjectives that make a bare governorate name a region ("southern Idlib", "le sud d'Idleb").
    static let regionAdjectives: WordSet = ["northern", "southern", "eastern", "western", "northeastern", "northwestern",
                                                "southeastern", "southwestern", "rural", "north-eastern", "south-eastern",
                                                "north-western", "south-western"]

    /// A capitalised word after a name that makes it part of an organisation or a medium's name:
    /// "Kafranbel Media Office", "Aleppo Media Centre", "Homs Revolution Union".
    static let organisationAfter: WordSet = [
        "media", "office", "centre", "center", "council", "union", "brigade", "brigades", "battalion", "battalions",
        "front", "army", "revolution", "revolutionary", "news", "network", "agency", "committee", "committees",
        "coordination", "coordinating", "observatory", "radio", "tv", "today", "24", "post", "times", "timing",
        "channel", "shield", "liwa", "martyrs", "falcons", "gathering", "movement", "commission",
    ]
    /// Words before a name that make it part of an organisation's name: "Conseil local d'Alep",
    /// "Coordination de Tadmor", "Conseil militaire de Deir Ezzor", "Liwa Idlib".
    static let organisationBefore: WordSet = [
        "conseil", "coordination", "comite", "brigade", "brigades", "bataillon", "liwa", "katiba", "jaish", "jaich",
        "jabhat", "harakat", "tahrir", "ahrar", "faylaq", "council", "coordination", "committee", "union", "media",
        "hay'at", "hayat", "hayet", "front", "armee", "army", "observatoire", "militaire", "local", "revolutionnaire",
        "tajamu", "ansar", "nour", "fursan", "thuwar", "shuhada", "suqour", "kataib", "abu", "abou", "cheikh", "sheikh",
        "shaykh", "imam", "mr", "m", "mme", "dr", "general", "colonel", "commander", "commandant", "president", "emir",
    ]
    /// Organisations and media whose names read like places (folded single words): the seed's news site
    /// al-Khabar and blog Tahtel-Mijhar, Iran's Al-Alam TV, and the jihadist groups.
    static let notPlaces: WordSet = [
        "alkhabar", "khabar", "alalam", "tahtel", "mijhar", "qaida", "qaeda", "nosra", "nusra", "daech", "daesh", "isis",
        "isil", "eiil", "hezbollah", "hizbollah", "sana",
    ]

    /// Months and days, which capitalised lines of dates also contain.
    static let dateWords: WordSet = ["am", "pm", "gmt", "utc", "timing", "time", "heure"]
}
