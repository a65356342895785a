// Event triggers: TYPE | CONSULT mode (empty for other types) | patterns.
// A pattern is lowercase words; `*` stands for up to three words ("held * talks").
// The extractor reads the sentence around a trigger for who, status, date and place.
extension Lexicon {
    static let triggersData = """
        CONSULT|meeting|met;meet;meets;meeting;meetings;met with;meet with;meeting with;talks;talked;held talks;hold talks;holds talks;holding talks;held * talks;negotiations;negotiated;consultations;conferred;sat down with;hosted;hosts;host;hosting;received;dialogue;discussed;discussions;call on;called on;calls on;exchanged views
        CONSULT|phone|spoke by phone;speak by phone;spoke by telephone;speak by telephone;spoke on the phone;speak on the phone;phone call;telephone call;phone conversation;telephone conversation;phoned;telephoned;video call;video conference;videoconference;call with;a call;the call
        CONSULT|visit|visit;visits;visited;visiting;state visit;official visit;trip to;trip;travel to;travels to;traveled to;travelled to;arrived in;arrives in;landed in;lands in;tour;is in;was in;is currently in;are currently in;is now in
        CONSULT|summit|summit;summit meeting;summit talks
        AGREE||agreed;agree;agrees;agreement;agreements;signed;sign;signs;signing;inked;deal;deals;accord;treaty;pact;pacts;memorandum of understanding;memorandums of understanding;memoranda of understanding;mou;mous;joint statement;joint declaration;declaration;struck a deal;reached a deal;reached an agreement;finalized;finalised;ratified;adopted a declaration;adopted a joint;decided to
        REQUEST||urged;urge;urges;urging;called for;calls for;call for;calling for;demanded;demands;demand;asked;asks;appealed;appeals;pressed;presses;requested;pushed for;push for;sought;insisted;made clear that * should;should release
        ACCUSE||accused;accuses;accusing;condemned;condemns;condemning;criticized;criticised;criticizes;criticises;criticizing;blamed;blames;denounced;denounces;protested;expressed concern;expressed concerns;expressed * concern;raised concerns;raised * concerns;voiced concern;lodged a protest;lodged * protest;slammed;rebuked;summoned;exchanged heated words;war of words;described * as genocide;called * a terror state;called israel a terror state
        REJECT||rejected;rejects;rejecting;refused;refuses;dismissed;dismisses;vetoed;vetoes;turned down;ruled out;snubbed;repudiated
        THREATEN||warned;warns;warning;threatened;threatens;threatening;vowed to retaliate;ultimatum;act firmly;resolve to
        SANCTION||sanctions;sanctioned;sanctioning;imposed sanctions;impose sanctions;package of sanctions;restrictive measures;expelled;expels;expel;expelling;expulsion;recalled;recalls;recall;cut ties;cut diplomatic ties;severed ties;severed diplomatic ties;suspended diplomatic;export controls;blacklisted;embargo;ordered * to return;ordered * to leave;declared persona non grata;imposed tariffs;impose tariffs;slapped tariffs;raised tariffs;new tariffs
        COOPERATE|joint exercise;joint exercises;joint military exercises;joint drills;joint patrol;joint patrols;agreed to cooperate;work together;working together
        AID||humanitarian aid;military aid;aid package;financial assistance;military assistance;security assistance;pledged * aid;sent aid;delivered aid
        SUPPORT||congratulated;congratulates;congratulate;congratulating;praised;praises;backed;backs;endorsed;expressed support;voiced support;thanked;hailed;reaffirmed support;welcomed
        CONCEDE||released;freed;pardoned;conceded;handed over
        RETREAT||eased sanctions;lifted sanctions;lift sanctions;lifting sanctions;withdrew;withdraw;withdrawal;pulled out;ceasefire;cease-fire;truce
        MOBILIZE||deployed;deploys;mobilized;mobilised;troop buildup;military buildup;massed troops;put * on alert;military drills;war games
        COERCE||seized;detained;arrested;blockade;blockaded;jailed
        ASSAULT||attacked;attacks on;airstrike;airstrikes;air strikes;shelled;bombed;missile attack;invaded;invasion;fired missiles;launched missiles
        PROTEST||rallied against;staged protests against;marched on the embassy
        """

    /// Words that make the nearest following trigger not a development.
    static let negationData = """
        not;n't;never;no;denied;denies;deny;refused to;declined to;cancelled;canceled;called off;postponed;without;nor;failed to;unlikely
        """

    /// Modality: status | cue phrases found before the trigger in its clause.
    static let modalityData = """
        planned|will;to resume;'ll;plan to;plans to;planned;planning to;is set to;are set to;set to;scheduled;is scheduled to;due to;is due to;are due to;would;to hold;to meet;to visit;upcoming;should;next week;next month;later this month;later this year;coming weeks;coming days;invited;invitation;agreed to;intends to;is to;are to;shall;preparing to;next year;tomorrow
        possible|could;may;might;expected to;is expected to;are expected to;likely to;possible;possibly;open to;considering;consider;hopes to;hope to;seeks to;wants to;proposed;proposes;potential;mulling;weighing;eyeing;if
        """
}
