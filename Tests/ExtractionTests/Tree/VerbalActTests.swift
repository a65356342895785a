import Testing

@testable import Extraction

@Suite("Verbal acts: verb classes, eventive nouns and reported speech, on hand-built trees")
struct VerbalActTests {
    func dyads(_ out: [Development]) -> [String] {
        out.map { d in
            let s = d.participants.filter { $0.role == "source" }.compactMap(\.country).sorted().joined(separator: ",")
            let t = d.participants.filter { $0.role == "target" }.compactMap(\.country).sorted().joined(separator: ",")
            return "\(d.type) \(s)>\(t)"
        }
    }

    @Test func aVerbOfACameoClassTakesItsTypesFrame() {
        // "Chile lambasted Peru ." (lambaste is read only from the verb classes)
        let t = HandTrees.tree(["Chile/PROPN/2/nsubj", "lambasted/VERB/0/root/lambaste", "Peru/PROPN/2/obj", "./PUNCT/2/punct"])
        #expect(dyads(HandTrees.extract([t])) == ["ACCUSE CHL>PER"])
    }

    @Test func aParticleVerbNeedsItsParticle() {
        // "Ghana lashed out at Togo ." and "Ghana lashed Togo ."
        let out = HandTrees.tree([
            "Ghana/PROPN/2/nsubj", "lashed/VERB/0/root/lash", "out/ADP/2/compound:prt", "at/ADP/5/case", "Togo/PROPN/2/obl",
            "./PUNCT/2/punct",
        ])
        let bare = HandTrees.tree(["Ghana/PROPN/2/nsubj", "lashed/VERB/0/root/lash", "Togo/PROPN/2/obj", "./PUNCT/2/punct"])
        #expect(dyads(HandTrees.extract([out])) == ["ACCUSE GHA>TGO"])
        #expect(HandTrees.extract([bare]).isEmpty)
    }

    @Test func verbClassesAreWrittenAsFrames() {
        let entries = FrameBook.classEntries(frame: "VERB nsubj=source obj=target", lemmas: "decry; lash out; side with")
        #expect(
            entries == [
                "decry/VERB nsubj=source obj=target", "lash/VERB +compound:prt=out nsubj=source obj=target",
                "side/VERB +obl:with nsubj=source obj=target",
            ])
    }

    @Test func aUsersVerbClassesAreChecked() {
        let text =
            "ACCUSE|111|VERB nsubj=source obj=target|decry\nPRAISE|051|VERB nsubj=source|laud\nACCUSE|111|VERB nsubj=boss|scold\nACCUSE|decry"
        let problems = Lexicon.dictionaryProblems(name: "verbs", text: text)
        #expect(problems.map(\.line) == [2, 3, 4])
        #expect(problems[0].message.contains("unknown type PRAISE"))
        #expect(problems[1].message.contains("unknown role boss"))
        #expect(Lexicon.dictionaryProblems(name: "verbs", text: Lexicon.embeddedDictionaries["verbs"] ?? "").isEmpty)
        #expect(Lexicon.embeddedDictionaries["verbs"]?.contains("Open Event Data Alliance") == true)
    }

    @Test func aFrameOfFramesTxtWinsOverAVerbClass() {
        // "reject" and "oppose" are in both files: only the frames.txt reading is kept.
        let book = Lexicon.builtIn.frameBook
        #expect(book.frames["reject/VERB"]?.count == 1)
        #expect(book.frames["oppose/VERB"]?.count == 1)
        #expect(book.frames["lambaste/VERB"]?.map(\.type) == ["ACCUSE"])
        #expect(book.frames["reiterate/VERB"]?.first?.isSpeech == true)
    }

    @Test func aPronounSubjectOfAReportedActIsTheSpeaker() {
        // "Chad held elections ." then "It condemns Niger 's decision , the Malian ministry said ."
        // Without the speech, "it" would be Chad, the state last named.
        let first = HandTrees.tree(["Chad/PROPN/2/nsubj", "held/VERB/0/root/hold", "elections/NOUN/2/obj/election", "./PUNCT/2/punct"])
        let second = HandTrees.tree([
            "It/PRON/2/nsubj/it", "condemns/VERB/0/root/condemn", "Niger/PROPN/5/nmod:poss", "'s/PART/3/case", "decision/NOUN/2/obj",
            ",/PUNCT/10/punct", "the/DET/9/det", "Malian/ADJ/9/amod", "ministry/NOUN/10/nsubj", "said/VERB/2/parataxis/say",
            "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([first, second])) == ["ACCUSE MLI>NER"])
    }

    @Test func anEventiveNounOfDissatisfaction() {
        // "Peru expressed strong dissatisfaction with Chile ."
        let t = HandTrees.tree([
            "Peru/PROPN/2/nsubj", "expressed/VERB/0/root/express", "strong/ADJ/4/amod", "dissatisfaction/NOUN/2/obj", "with/ADP/6/case",
            "Chile/PROPN/4/nmod", "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([t])) == ["ACCUSE PER>CHL"])
    }

    @Test func criticismDrawnFromAStateIsThatStatesAccusation() {
        // "Chile drew criticism from Peru ."
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "drew/VERB/0/root/draw", "criticism/NOUN/2/obj", "from/ADP/5/case", "Peru/PROPN/2/obl",
            "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([t])) == ["ACCUSE PER>CHL"])
    }

    @Test func aWrongdoingToldByASpeakerIsItsAccusation() {
        // "Kenya said Uganda violated the accord ." and, in the article's own voice, "Uganda violated the accord ."
        let said = HandTrees.tree([
            "Kenya/PROPN/2/nsubj", "said/VERB/0/root/say", "Uganda/PROPN/4/nsubj", "violated/VERB/2/ccomp/violate", "the/DET/6/det",
            "accord/NOUN/4/obj", "./PUNCT/2/punct",
        ])
        let told = HandTrees.tree([
            "Uganda/PROPN/2/nsubj", "violated/VERB/0/root/violate", "the/DET/4/det", "accord/NOUN/2/obj", "with/ADP/6/case",
            "Kenya/PROPN/4/nmod", "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([said])) == ["ACCUSE KEN>UGA"])
        #expect(HandTrees.extract([told]).isEmpty)
    }

    @Test func aWarningFindsItsTargetInTheReportedClause() {
        // "Egypt warned that Ethiopia would face consequences ."
        let t = HandTrees.tree([
            "Egypt/PROPN/2/nsubj", "warned/VERB/0/root/warn", "that/SCONJ/6/mark", "Ethiopia/PROPN/6/nsubj", "would/AUX/6/aux",
            "face/VERB/2/ccomp", "consequences/NOUN/6/obj/consequence", "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([t])) == ["THREATEN EGY>ETH"])
    }

    @Test func anUrgingOfSeveralStatesIsOneRequestEach() {
        // "Kenya urged Uganda and Rwanda to talk ."
        let t = HandTrees.tree([
            "Kenya/PROPN/2/nsubj", "urged/VERB/0/root/urge", "Uganda/PROPN/2/obj", "and/CCONJ/5/cc", "Rwanda/PROPN/3/conj",
            "to/PART/7/mark", "talk/VERB/2/xcomp", "./PUNCT/2/punct",
        ])
        #expect(dyads(HandTrees.extract([t])).sorted() == ["REQUEST KEN>RWA", "REQUEST KEN>UGA"])
    }

    @Test func mustInReportedSpeechIsADemandOnItsSubject() {
        // "Sudan must withdraw , Egypt said ." and, in the article's own voice, "Sudan must withdraw ."
        let said = HandTrees.tree([
            "Sudan/PROPN/3/nsubj", "must/AUX/3/aux", "withdraw/VERB/0/root", ",/PUNCT/6/punct", "Egypt/PROPN/6/nsubj",
            "said/VERB/3/parataxis/say", "./PUNCT/3/punct",
        ])
        let told = HandTrees.tree(["Sudan/PROPN/3/nsubj", "must/AUX/3/aux", "withdraw/VERB/0/root", "./PUNCT/3/punct"])
        #expect(dyads(HandTrees.extract([said])) == ["REQUEST EGY>SDN"])
        #expect(HandTrees.extract([told]).isEmpty)
    }
}

extension VerbalActTests {
    @Test func adjectivesOfDisapproval() {
        // "Chad is opposed to the Nigerien plan ." and "Chad was disappointed by the Nigerien plan ."
        let opposed = HandTrees.tree([
            "Chad/PROPN/3/nsubj", "is/AUX/3/cop/be", "opposed/ADJ/0/root", "to/ADP/7/case", "the/DET/7/det", "Nigerien/ADJ/7/amod",
            "plan/NOUN/3/obl", "./PUNCT/3/punct",
        ])
        let disappointed = HandTrees.tree([
            "Chad/PROPN/3/nsubj:pass", "was/AUX/3/aux:pass/be", "disappointed/VERB/0/root/disappoint", "by/ADP/7/case", "the/DET/7/det",
            "Nigerien/ADJ/7/amod", "plan/NOUN/3/obl:agent", "./PUNCT/3/punct",
        ])
        #expect(dyads(HandTrees.extract([opposed])) == ["ACCUSE TCD>NER"])
        #expect(dyads(HandTrees.extract([disappointed])) == ["ACCUSE TCD>NER"])
    }
}
