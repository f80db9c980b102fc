import GeoCore

/// Words that are place names somewhere but, in report prose, almost never mean the place: function words and
/// common words of English and French, months and days, compass and type words. Folded. A candidate made of
/// these words only is dropped; a name is still found when the words are part of it ("Un" alone no,
/// "Umm al-Qura" yes).
enum StopList {
    static let words: WordSet = {
        let english = """
            a an the and or but nor if then than so as at by for from in into of off on onto out over to up with within without \
            is are was were be been being am do does did has have had having it its this that these those there here where when \
            who whom whose which what why how he she they we you i me him her them us his hers their theirs our ours your my mine \
            not no yes all any both each every few many more most much other some such only own same very can could may might \
            must shall should will would said says say also after before since while during under about above below between \
            through against among around near new old good great high low long best last first next early late man men \
            one two three four five six seven eight nine ten eleven twelve hundred thousand dozen dozens \
            january february march april may june july august september october november december \
            monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow \
            north south east west northern southern eastern western city town village villages province governorate \
            district countryside area region border crossing road highway river lake mount airport base camp prison \
            government regime forces army rebels rebel state islamic media news union coalition observatory council \
            police people killed dead wounded attack attacks clashes strike strikes shelling bomb bombs car according \
            sources source local military opposition fighters group groups front battle battles control took \
            mr mrs dr general president minister nice mode bar bath split reading ada victoria \
            syrian iraqi turkish iranian russian lebanese jordanian kurdish saudi israeli american arab arabic
            """
        let french = """
            le la les un une des du de d l et ou en au aux dans sur sous par pour avec sans ce cet cette ces il elle ils elles \
            on nous vous je tu me te se lui leur leurs son sa ses mon ma mes ton ta tes notre nos votre vos qui que quoi dont \
            plus moins tres tout tous toute toutes selon apres avant depuis pendant contre entre vers chez mais donc car ni si \
            deux trois quatre cinq six sept huit neuf dix onze douze vingt trente cent mille dizaine dizaines centaine \
            janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre \
            lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd veille demain \
            nord sud est ouest ville villes village villages province gouvernorat region campagne frontiere route \
            aeroport base prison quartier localite localites regime forces armee rebelles etat islamique coalition \
            conseil observatoire militants combattants mort morts tue tues blesses attaque attaques attentat raid raids \
            bombardements voiture piegee sources source local militaire opposition front bataille controle \
            ainsi alors aussi bien deja encore enfin ici la meme puis sauf seul seule seuls tant toujours trop \
            est sont etait etaient ete etre avoir avait ont fait faire a dit selon premier premiere dernier derniere \
            syrien syrienne irakien irakienne turc turque iranien iranienne russe libanais libanaise jordanien \
            jordanienne kurde saoudien saoudienne israelien americain arabe
            """
        return WordSet((english + " " + french).split(separator: " ").map(String.init))
    }()

    static func isStopWord(_ folded: String) -> Bool { words.contains(folded) }
}
