// Topic lexicon: topic label | keywords (lowercase phrases found in the development's sentence
// or its neighbours).
extension Lexicon {
    static let topicsData = """
        Taiwan|taiwan;taiwanese;cross-strait;taipei
        Taiwan Strait|taiwan strait
        South China Sea|south china sea;scarborough shoal;spratly;paracel;second thomas shoal
        East China Sea|east china sea;senkaku;diaoyu
        fentanyl|fentanyl;opioid;opioids
        drug trafficking|drug trafficking;narcotics;drug cartels
        nuclear programme|nuclear program;nuclear programme;uranium enrichment;enriched uranium;enrichment
        nuclear weapons|nuclear weapon;nuclear weapons;nuclear arsenal;nuclear test;warhead
        denuclearisation|denuclearization;denuclearisation
        Iran nuclear deal|jcpoa;iran nuclear deal;nuclear deal
        missiles|missile;missiles;ballistic
        ceasefire|ceasefire;cease-fire;truce;armistice
        hostages|hostage;hostages;captives
        prisoner exchange|prisoner swap;prisoner exchange;exchange of prisoners
        detained nationals|wrongfully detained;release american citizens;detained citizens;paul whelan;evan gershkovich;trevor reed
        trade|trade;trading;commerce;exports;imports
        tariffs|tariff;tariffs;duties
        export controls|export controls;export control;entity list;chip controls
        semiconductors|semiconductor;semiconductors;chips;chipmakers
        investment|investment;investments;investors
        sanctions|sanctions;sanction;restrictive measures
        sanctions relief|sanctions relief;lifting of sanctions;lift sanctions;eased sanctions
        climate|climate;emissions;carbon;global warming;cop28;cop29;cop30
        energy|energy;oil;gas;lng;pipeline;nuclear power
        food security|food security;grain;wheat;famine
        humanitarian aid|humanitarian;aid;relief supplies
        Ukraine war|war in ukraine;invasion of ukraine;ukraine war;russia's war;donbas;crimea
        Gaza|gaza;gaza strip
        Israel–Palestine|two-state solution;palestinian state;west bank;settlements;palestinian
        Middle East|middle east
        Red Sea shipping|red sea;houthi;shipping lanes;bab el-mandeb
        Black Sea|black sea;grain corridor
        Korean Peninsula|korean peninsula;north korea;pyongyang
        Kashmir|kashmir;line of control
        India–China border|line of actual control;galwan;ladakh
        Essequibo|essequibo
        territorial dispute|territorial dispute;border dispute;sovereignty;territorial integrity
        defence cooperation|defence cooperation;defense cooperation;military cooperation;military supplies;arms sales;weapons sales;helicopters;fighter jets;defence deal;defense deal
        military communication|military-to-military;mil-to-mil;military communication;military communications;hotline
        risk of miscalculation|miscalculation;misperception;guardrails;manage competition;responsibly manage
        stable relations|stable relations;stable and predictable;stabilise relations;stabilize relations;stable relationship;mending fences;thaw
        terrorism|terrorism;terrorist;terror;counterterrorism;extremism
        migration|migration;migrants;refugees;asylum;border security
        human rights|human rights;political prisoners;freedom of expression;press freedom
        Xinjiang|xinjiang;uyghur;uighur;uyghurs
        Tibet|tibet;dalai lama
        Hong Kong|hong kong
        cybersecurity|cyber;cyberattack;hacking;ransomware;cybersecurity
        espionage|espionage;spy;spying;spy balloon;surveillance balloon
        artificial intelligence|artificial intelligence;ai safety; ai 
        technology|technology;tech;critical technologies
        critical minerals|critical minerals;rare earths;rare earth;lithium;cobalt
        supply chains|supply chain;supply chains
        global economy|global economy;economic growth;recession;inflation
        debt|debt relief;debt restructuring;debt
        health|pandemic;covid;vaccine;vaccines;health
        peace process|peace process;peace talks;peace deal;peace plan;peace agreement;negotiated settlement
        elections|election;elections;vote;ballot
        visas|visa;visas;travel restrictions
        people-to-people ties|people-to-people;student exchanges;tourism;direct flights
        maritime security|maritime security;freedom of navigation;maritime
        Arctic|arctic
        space|outer space;space cooperation;satellite
        connectivity|connectivity;infrastructure;railway;ports;corridor
        Belt and Road|belt and road;bri
        development finance|development finance;loans;development bank
        UN reform|security council reform;un reform
        diplomatic relations|diplomatic relations;diplomatic ties;embassy;ambassador;consul
        strategic partnership|strategic partnership;comprehensive partnership;comprehensive global strategic partnership
        NATO enlargement|nato membership;join nato;nato accession;enlargement
        European security|european security;security architecture
        arms control|arms control;new start;non-proliferation;nonproliferation
        chemical weapons|chemical weapons;chemical weapon
        refugee crisis|refugee crisis;displaced;displacement
        journalists|journalist;journalists;radio free europe;voice of america;voa
        Syria|syria;syrian
        Afghanistan|afghanistan;taliban
        Sahel|sahel;mali;niger;burkina faso
        Sudan conflict|sudan;rapid support forces;darfur
        Venezuela crisis|venezuela;maduro
        Arctic Council|arctic council
        G20 agenda|g20 presidency;g20 agenda
        water|water sharing;river waters;dam
        agriculture|agriculture;farm;farmers;fertiliser;fertilizer
        fisheries|fishing;fisheries
        education|education;universities;students
        regional security|regional security;regional stability;security cooperation
        counter-narcotics|counter-narcotics;counternarcotics
        genocide|genocide
        war crimes|war crimes;crimes against humanity;icc warrant
        embassy security|embassy attack;diplomatic premises
        """
}
