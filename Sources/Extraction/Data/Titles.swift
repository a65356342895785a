// Titles: office key | phrases (lowercase). An office key with a country and a date resolves to
// the person who held it ("the US secretary of state" in June 2023 is Antony Blinken).
// Offices marked `*` are generic: they make the phrase an official of the country, never a person.
extension Lexicon {
    static let titlesData = """
        president|president;president-elect
        vice president|vice president;vice-president
        prime minister|prime minister;premier;pm;crown prince
        chancellor|chancellor
        foreign minister|foreign minister;minister of foreign affairs;minister for foreign affairs;foreign affairs minister;secretary of state;foreign secretary;external affairs minister;minister of external affairs;top foreign policy official;foreign policy chief;high representative
        top diplomat|top diplomat;chief diplomat
        defence minister|defence minister;defense minister;defense secretary;defence secretary;minister of defence;minister of defense;secretary of defense;defence chief;defense chief;war secretary
        finance minister|finance minister;treasury secretary;secretary of the treasury;minister of finance
        national security adviser|national security adviser;national security advisor
        leader|leader;supreme leader
        king|king;emir;sultan;queen
        secretary-general|secretary-general;secretary general;chief;director general;director-general
        spokesperson|spokesman;spokeswoman;spokesperson
        military commander|vice chairman;general;commander;admiral
        envoy|envoy;special envoy;special representative;trade representative
        ambassador*|ambassador;ambassadors;consul general;consul-general;consul;charge d'affaires;envoys
        official*|official;officials;diplomat;diplomats;delegation;minister;ministers;government;authorities;ministry;foreign ministry;defence ministry;defense ministry;embassy;military;forces;troops;navy;army;counterpart;counterparts;leaders;negotiators;cabinet;parliament;lawmakers;administration;coast guard;foreign office
        """

    /// Words that precede a name without being an office ("Gen. Zhang", "Mr Blinken").
    static let honorificsData = """
        mr;mr.;mrs;mrs.;ms;ms.;dr;dr.;gen;gen.;adm;adm.;sen;sen.;rep;rep.;sheikh;prince;pope;lt;lt.;col;col.;maj;maj.;sir;dame;ayatollah;marshal;president;secretary
        """
}
