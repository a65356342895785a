import Testing

@testable import Extraction

@Suite("Regions are no actors")
struct RegionTests {
    @Test func aRegionsDemonymNamesNoState() {
        // "Chile expelled the envoys of five Latin American countries ."
        let t = HandTrees.tree([
            "Chile/PROPN/2/nsubj", "expelled/VERB/0/root/expel", "the/DET/4/det", "envoys/NOUN/2/obj/envoy", "of/ADP/9/case",
            "five/NUM/9/nummod", "Latin/ADJ/8/amod", "American/ADJ/9/amod", "countries/NOUN/4/nmod/country", "./PUNCT/2/punct",
        ])
        #expect(HandTrees.extract([t]).allSatisfy { !$0.participants.contains { $0.country == "USA" } })
    }
}
