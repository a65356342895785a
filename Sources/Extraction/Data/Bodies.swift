// International bodies and non-state actors: code | names and abbreviations (first is canonical).
// `multilateral` marks bodies whose summits are multilateral meetings.
extension Lexicon {
    static let bodiesData = """
        UN|United Nations;UN;U.N.;UN Security Council;U.N. Security Council;Security Council;UNSC;UN General Assembly;General Assembly;UNGA;UN Human Rights Council|multilateral
        EU|European Union;EU;E.U.;European Commission;EU Council;Council of the EU;European Council;Brussels|multilateral
        NATO|NATO;North Atlantic Treaty Organization;Nato|multilateral
        ASEAN|ASEAN;Association of Southeast Asian Nations;Asean|multilateral
        AU|African Union;AU|multilateral
        G7|G7;G-7;Group of Seven|multilateral
        G20|G20;G-20;Group of 20;Group of Twenty|multilateral
        BRICS|BRICS|multilateral
        IAEA|IAEA;International Atomic Energy Agency|
        WHO|World Health Organization;WHO|
        WTO|World Trade Organization;WTO|multilateral
        IMF|International Monetary Fund;IMF|
        WB|World Bank|
        OPEC|OPEC;OPEC+|multilateral
        SCO|Shanghai Cooperation Organisation;Shanghai Cooperation Organization;SCO|multilateral
        GCC|Gulf Cooperation Council;GCC|multilateral
        ARL|Arab League;League of Arab States|multilateral
        OIC|Organisation of Islamic Cooperation;Organization of Islamic Cooperation;OIC|multilateral
        OAS|Organization of American States;OAS|multilateral
        CARICOM|CARICOM;Caricom;Caribbean Community|multilateral
        CELAC|CELAC;Community of Latin American and Caribbean States|multilateral
        QUAD|Quad;Quadrilateral Security Dialogue|multilateral
        APEC|APEC;Asia-Pacific Economic Cooperation|multilateral
        ECOWAS|ECOWAS;Economic Community of West African States|multilateral
        OSCE|OSCE;Organization for Security and Co-operation in Europe|multilateral
        ICC|International Criminal Court;ICC|
        ICJ|International Court of Justice;ICJ;World Court|
        HAMAS|Hamas|
        HEZBOLLAH|Hezbollah|
        HOUTHI|Houthis;Houthi;Ansar Allah|
        """
}
