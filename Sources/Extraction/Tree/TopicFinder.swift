/// The topics of a sentence: the labels whose keywords (`topics.txt`) it holds, in lexicon order.
struct TopicFinder {
    let lexicon: Lexicon

    func topics(_ tokens: [Token]) -> [String] {
        var found = Set<Int>()
        for i in tokens.indices {
            guard let candidates = lexicon.topicIndex[tokens[i].lower] else { continue }
            for c in candidates where i + c.words.count <= tokens.count && !found.contains(c.label) {
                if zip(c.words, tokens[i...]).allSatisfy({ $0 == $1.lower }) { found.insert(c.label) }
            }
        }
        return found.sorted().map { lexicon.topicLabels[$0] }
    }
}
