// Every UN member state and a few observers/territories, as data.
// One line per state: ISO 3166-1 alpha-3 | names (first is canonical) | demonyms | capital and seats of
// government used as metonyms ("Beijing said", "the Kremlin warned").
extension Lexicon {
    static let countriesData = """
        AFG|Afghanistan|Afghan|Kabul
        ALB|Albania|Albanian|Tirana
        DZA|Algeria|Algerian|Algiers
        AND|Andorra|Andorran|Andorra la Vella
        AGO|Angola|Angolan|Luanda
        ATG|Antigua and Barbuda|Antiguan|St. John's
        ARG|Argentina|Argentine;Argentinian|Buenos Aires;Casa Rosada
        ARM|Armenia|Armenian|Yerevan
        AUS|Australia|Australian|Canberra
        AUT|Austria|Austrian|Vienna
        AZE|Azerbaijan|Azerbaijani;Azeri|Baku
        BHS|Bahamas;the Bahamas|Bahamian|Nassau
        BHR|Bahrain|Bahraini|Manama
        BGD|Bangladesh|Bangladeshi|Dhaka
        BRB|Barbados|Barbadian|Bridgetown
        BLR|Belarus|Belarusian|Minsk
        BEL|Belgium|Belgian|
        BLZ|Belize|Belizean|Belmopan
        BEN|Benin|Beninese|Porto-Novo
        BTN|Bhutan|Bhutanese|Thimphu
        BOL|Bolivia|Bolivian|La Paz;Sucre
        BIH|Bosnia and Herzegovina;Bosnia|Bosnian|Sarajevo
        BWA|Botswana|Botswanan;Motswana|Gaborone
        BRA|Brazil|Brazilian|Brasilia;Brasília;Planalto
        BRN|Brunei|Bruneian|Bandar Seri Begawan
        BGR|Bulgaria|Bulgarian|Sofia
        BFA|Burkina Faso|Burkinabe|Ouagadougou
        BDI|Burundi|Burundian|Gitega
        CPV|Cabo Verde;Cape Verde|Cape Verdean|Praia
        KHM|Cambodia|Cambodian|Phnom Penh
        CMR|Cameroon|Cameroonian|Yaounde;Yaoundé
        CAN|Canada|Canadian|Ottawa
        CAF|Central African Republic|Central African|Bangui
        TCD|Chad|Chadian|N'Djamena
        CHL|Chile|Chilean|Santiago
        CHN|China;People's Republic of China;PRC|Chinese;Sino|Beijing;Zhongnanhai
        COL|Colombia|Colombian|Bogota;Bogotá
        COM|Comoros|Comoran|Moroni
        COG|Republic of the Congo;Congo-Brazzaville|Congolese|Brazzaville
        COD|Democratic Republic of the Congo;DR Congo;DRC;Congo|Congolese|Kinshasa
        CRI|Costa Rica|Costa Rican|San Jose
        CIV|Ivory Coast;Cote d'Ivoire;Côte d'Ivoire|Ivorian|Yamoussoukro;Abidjan
        HRV|Croatia|Croatian|Zagreb
        CUB|Cuba|Cuban|Havana
        CYP|Cyprus|Cypriot|Nicosia
        CZE|Czech Republic;Czechia|Czech|Prague
        DNK|Denmark|Danish|Copenhagen
        DJI|Djibouti|Djiboutian|
        DMA|Dominica|Dominican|Roseau
        DOM|Dominican Republic|Dominican|Santo Domingo
        ECU|Ecuador|Ecuadorian|Quito
        EGY|Egypt|Egyptian|Cairo
        SLV|El Salvador|Salvadoran|San Salvador
        GNQ|Equatorial Guinea|Equatoguinean|Malabo
        ERI|Eritrea|Eritrean|Asmara
        EST|Estonia|Estonian|Tallinn
        SWZ|Eswatini;Swaziland|Swazi|Mbabane
        ETH|Ethiopia|Ethiopian|Addis Ababa
        FJI|Fiji|Fijian|Suva
        FIN|Finland|Finnish|Helsinki
        FRA|France|French|Paris;the Elysee;the Élysée;Elysee Palace;Quai d'Orsay
        GAB|Gabon|Gabonese|Libreville
        GMB|Gambia;The Gambia|Gambian|Banjul
        GEO|Georgia|Georgian|Tbilisi
        DEU|Germany|German|Berlin
        GHA|Ghana|Ghanaian|Accra
        GRC|Greece|Greek|Athens
        GRD|Grenada|Grenadian|St. George's
        GTM|Guatemala|Guatemalan|Guatemala City
        GIN|Guinea|Guinean|Conakry
        GNB|Guinea-Bissau|Bissau-Guinean|Bissau
        GUY|Guyana|Guyanese|Georgetown
        HTI|Haiti|Haitian|Port-au-Prince
        HND|Honduras|Honduran|Tegucigalpa
        HUN|Hungary|Hungarian|Budapest
        ISL|Iceland|Icelandic|Reykjavik
        IND|India|Indian|New Delhi;Delhi
        IDN|Indonesia|Indonesian|Jakarta
        IRN|Iran;Islamic Republic of Iran|Iranian|Tehran
        IRQ|Iraq|Iraqi|Baghdad
        IRL|Ireland|Irish|Dublin
        ISR|Israel|Israeli|Jerusalem
        ITA|Italy|Italian|Rome
        JAM|Jamaica|Jamaican|Kingston
        JPN|Japan|Japanese|Tokyo
        JOR|Jordan|Jordanian|Amman
        KAZ|Kazakhstan|Kazakh|Astana
        KEN|Kenya|Kenyan|Nairobi
        KIR|Kiribati|I-Kiribati|Tarawa
        PRK|North Korea;Democratic People's Republic of Korea;DPRK|North Korean|Pyongyang
        KOR|South Korea;Republic of Korea;ROK|South Korean|Seoul
        KWT|Kuwait|Kuwaiti|Kuwait City
        KGZ|Kyrgyzstan|Kyrgyz|Bishkek
        LAO|Laos|Lao;Laotian|Vientiane
        LVA|Latvia|Latvian|Riga
        LBN|Lebanon|Lebanese|Beirut
        LSO|Lesotho|Basotho|Maseru
        LBR|Liberia|Liberian|Monrovia
        LBY|Libya|Libyan|Tripoli
        LIE|Liechtenstein|Liechtensteiner|Vaduz
        LTU|Lithuania|Lithuanian|Vilnius
        LUX|Luxembourg|Luxembourgish|
        MDG|Madagascar|Malagasy|Antananarivo
        MWI|Malawi|Malawian|Lilongwe
        MYS|Malaysia|Malaysian|Kuala Lumpur;Putrajaya
        MDV|Maldives|Maldivian|Male
        MLI|Mali|Malian|Bamako
        MLT|Malta|Maltese|Valletta
        MHL|Marshall Islands|Marshallese|Majuro
        MRT|Mauritania|Mauritanian|Nouakchott
        MUS|Mauritius|Mauritian|Port Louis
        MEX|Mexico|Mexican|Mexico City
        FSM|Micronesia|Micronesian|Palikir
        MDA|Moldova|Moldovan|Chisinau
        MCO|Monaco|Monegasque|
        MNG|Mongolia|Mongolian|Ulaanbaatar
        MNE|Montenegro|Montenegrin|Podgorica
        MAR|Morocco|Moroccan|Rabat
        MOZ|Mozambique|Mozambican|Maputo
        MMR|Myanmar;Burma|Myanmar;Burmese|Naypyidaw;Naypyitaw
        NAM|Namibia|Namibian|Windhoek
        NRU|Nauru|Nauruan|
        NPL|Nepal|Nepali;Nepalese|Kathmandu
        NLD|Netherlands;the Netherlands;Holland|Dutch|The Hague;Amsterdam
        NZL|New Zealand|New Zealander;Kiwi|Wellington
        NIC|Nicaragua|Nicaraguan|Managua
        NER|Niger|Nigerien|Niamey
        NGA|Nigeria|Nigerian|Abuja
        MKD|North Macedonia;Macedonia|Macedonian|Skopje
        NOR|Norway|Norwegian|Oslo
        OMN|Oman|Omani|Muscat
        PAK|Pakistan|Pakistani|Islamabad
        PLW|Palau|Palauan|Ngerulmud
        PAN|Panama|Panamanian|Panama City
        PNG|Papua New Guinea|Papua New Guinean|Port Moresby
        PRY|Paraguay|Paraguayan|Asuncion
        PER|Peru|Peruvian|Lima
        PHL|Philippines;the Philippines|Philippine;Filipino|Manila;Malacañang;Malacanang
        POL|Poland|Polish|Warsaw
        PRT|Portugal|Portuguese|Lisbon
        QAT|Qatar|Qatari|Doha
        ROU|Romania|Romanian|Bucharest
        RUS|Russia;Russian Federation|Russian|Moscow;the Kremlin;Kremlin
        RWA|Rwanda|Rwandan|Kigali
        KNA|Saint Kitts and Nevis|Kittitian|Basseterre
        LCA|Saint Lucia|Saint Lucian|Castries
        VCT|Saint Vincent and the Grenadines;St Vincent and the Grenadines|Vincentian|Kingstown
        WSM|Samoa|Samoan|Apia
        SMR|San Marino|Sammarinese|
        STP|Sao Tome and Principe|Santomean|Sao Tome
        SAU|Saudi Arabia|Saudi|Riyadh
        SEN|Senegal|Senegalese|Dakar
        SRB|Serbia|Serbian|Belgrade
        SYC|Seychelles|Seychellois|Victoria
        SLE|Sierra Leone|Sierra Leonean|Freetown
        SGP|Singapore|Singaporean|
        SVK|Slovakia|Slovak|Bratislava
        SVN|Slovenia|Slovenian|Ljubljana
        SLB|Solomon Islands|Solomon Islander|Honiara
        SOM|Somalia|Somali|Mogadishu
        ZAF|South Africa|South African|Pretoria;Cape Town
        SSD|South Sudan|South Sudanese|Juba
        ESP|Spain|Spanish|Madrid
        LKA|Sri Lanka|Sri Lankan|Colombo
        SDN|Sudan|Sudanese|Khartoum
        SUR|Suriname|Surinamese|Paramaribo
        SWE|Sweden|Swedish|Stockholm
        CHE|Switzerland|Swiss|Bern
        SYR|Syria|Syrian|Damascus
        TJK|Tajikistan|Tajik|Dushanbe
        TZA|Tanzania|Tanzanian|Dodoma
        THA|Thailand|Thai|Bangkok
        TLS|Timor-Leste;East Timor|Timorese|Dili
        TGO|Togo|Togolese|Lome
        TON|Tonga|Tongan|Nuku'alofa
        TTO|Trinidad and Tobago|Trinidadian|Port of Spain
        TUN|Tunisia|Tunisian|Tunis
        TUR|Turkey;Türkiye;Turkiye|Turkish|Ankara
        TKM|Turkmenistan|Turkmen|Ashgabat
        TUV|Tuvalu|Tuvaluan|Funafuti
        UGA|Uganda|Ugandan|Kampala
        UKR|Ukraine|Ukrainian|Kyiv;Kiev
        ARE|United Arab Emirates;UAE;Emirates|Emirati|Abu Dhabi
        GBR|United Kingdom;Britain;Great Britain;UK;U.K.|British|London;Downing Street;Whitehall
        USA|United States;United States of America;US;U.S.;USA;U.S.A.;America|American;US;U.S.|Washington;the White House;White House;the State Department;State Department;the Pentagon;Pentagon
        URY|Uruguay|Uruguayan|Montevideo
        UZB|Uzbekistan|Uzbek|Tashkent
        VUT|Vanuatu|Vanuatuan|Port Vila
        VEN|Venezuela|Venezuelan|Caracas;Miraflores
        VNM|Vietnam;Viet Nam|Vietnamese|Hanoi
        YEM|Yemen|Yemeni|Sanaa
        ZMB|Zambia|Zambian|Lusaka
        ZWE|Zimbabwe|Zimbabwean|Harare
        PSE|Palestine;State of Palestine;Palestinian Authority;Palestinian territories|Palestinian|Ramallah
        VAT|Holy See;Vatican|Vatican|Vatican City
        TWN|Taiwan|Taiwanese|Taipei
        XKX|Kosovo|Kosovar|Pristina
        """

    /// Cities that are places only: they locate an event but do not act for a state.
    static let placesData = """
        USA|New York;San Francisco;Los Angeles;Camp David;Honolulu;Anchorage;Mar-a-Lago
        CHN|Shanghai;Hong Kong;Guangzhou;Shenzhen;Xinjiang;Tibet
        IND|Mumbai;Bengaluru;Kolkata;Chennai;Ahmedabad;Jammu;Kashmir
        TUR|Istanbul;Antalya
        CHE|Geneva;Davos;Lausanne
        DEU|Munich;Hamburg;Frankfurt
        BRA|Rio de Janeiro;Rio;Sao Paulo;São Paulo
        IDN|Bali;Nusa Dua
        RUS|St Petersburg;St. Petersburg;Sochi;Vladivostok;Kazan
        ISR|Tel Aviv;Haifa
        PSE|Gaza;Gaza Strip;West Bank
        UKR|Kharkiv;Odesa;Crimea;Donbas
        JPN|Osaka;Hiroshima;Hokkaido
        EGY|Sharm el-Sheikh
        SAU|Jeddah
        ARE|Dubai
        FRA|Marseille;Nice;Strasbourg
        NPL|Lumbini
        KOR|Busan
        VNM|Ho Chi Minh City
        AUS|Sydney;Melbourne
        CAN|Toronto;Montreal;Vancouver
        ITA|Milan;Apulia
        GBR|Manchester;Edinburgh
        BEL|Brussels
        LUX|Luxembourg City
        SGP|Singapore City
        VCT|St Vincent;St. Vincent;Argyle
        """
}
