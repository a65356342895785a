/// The trained stages run in order on a sentence's tokens: tag, lemmatize, parse. Also reads and
/// writes the model file.
struct Pipeline: Sendable {
    static let magic = "DiploWatch syntax model 2"
    let tagger: Tagger
    let lemmatizer: Lemmatizer
    let parser: Parser

    init(tagger: Tagger, lemmatizer: Lemmatizer, parser: Parser) {
        self.tagger = tagger
        self.lemmatizer = lemmatizer
        self.parser = parser
    }

    func annotate(_ tokens: inout [SyntaxToken], names: Set<String> = []) {
        if tokens.isEmpty { return }
        let words = WordFeatures(forms: tokens.map(\.form))
        // A capitalised word the caller knows as a name, and that the tag dictionary does not hold
        // as a word of another kind ("May", "Will"), is a proper noun: the tagger's suffix features
        // read a sentence's first "Beijing" or "Wang" as a verb in -ing.
        let proper: [Bool] =
            names.isEmpty
            ? []
            : tokens.map { t -> Bool in
                guard t.form.first?.isUppercase == true else { return false }
                let lower = t.form.lowercased()
                return names.contains(lower) && !tagger.isKnown(lower)
            }
        let tags = tagger.tag(words, proper: proper)
        let (heads, labels) = parser.parse(ParserFeatures(words: words, tags: tags), count: tokens.count)
        for i in tokens.indices {
            let upos = tagger.upos[tags[i]]
            let xpos = tagger.xpos[tags[i]]
            tokens[i].upos = upos
            tokens[i].xpos = xpos
            tokens[i].lemma = lemmatizer.lemma(tokens[i].form, upos: upos, xpos: xpos)
            tokens[i].head = heads[i]
            tokens[i].deprel = parser.labels[labels[i]]
        }
    }

    init(reading bytes: UnsafeRawBufferPointer) throws {
        var r = ByteReader(bytes)
        guard (try? r.string()) == Self.magic else { throw ModelFileError("not a DiploWatch syntax model") }
        let upos = try r.strings()
        let xpos = try r.strings()
        let tagModel = try r.model()
        let secondModel = try r.model()
        guard upos.count == xpos.count, upos.count == tagModel.classCount, secondModel.classCount == upos.count else {
            throw ModelFileError("tag classes do not match")
        }
        let exceptionKeys = try r.strings()
        let exceptionValues = try r.strings()
        let ruleKeys = try r.strings()
        let ruleStrips = try r.strings()
        let ruleAppends = try r.strings()
        guard exceptionKeys.count == exceptionValues.count, ruleKeys.count == ruleStrips.count,
            ruleKeys.count == ruleAppends.count
        else { throw ModelFileError("lemma tables do not match") }
        var rules: [String: Lemmatizer.Rule] = [:]
        for i in ruleKeys.indices {
            rules[ruleKeys[i]] = Lemmatizer.Rule(strip: Int(ruleStrips[i]) ?? 0, append: ruleAppends[i])
        }
        let labels = try r.strings()
        let moves = try r.model()
        let labeler = try r.model()
        guard moves.classCount == 3, labeler.classCount == labels.count, labels.contains("root") else {
            throw ModelFileError("parser classes do not match")
        }
        // The tag dictionary is the last section; a model without it tags every word by scoring.
        var known: [String: Int] = [:]
        if r.remaining > 0 {
            let forms = try r.strings()
            let classes = try r.strings().map { Int($0) ?? -1 }
            guard forms.count == classes.count, classes.allSatisfy({ $0 >= 0 && $0 < upos.count }) else {
                throw ModelFileError("tag dictionary does not match")
            }
            known = Dictionary(zip(forms, classes), uniquingKeysWith: { a, _ in a })
        }
        tagger = Tagger(upos: upos, xpos: xpos, model: tagModel, second: secondModel, known: known)
        lemmatizer = Lemmatizer(exceptions: Dictionary(uniqueKeysWithValues: zip(exceptionKeys, exceptionValues)), rules: rules)
        parser = Parser(labels: labels, moves: moves, labeler: labeler)
    }

    /// The pipeline without weights smaller than `threshold`, to keep the model file small.
    func pruned(_ threshold: Float) -> Pipeline {
        let t = Tagger(
            upos: tagger.upos, xpos: tagger.xpos, model: tagger.model.pruned(threshold), second: tagger.second.pruned(threshold),
            known: tagger.known)
        let p = Parser(labels: parser.labels, moves: parser.moves.pruned(threshold), labeler: parser.labeler.pruned(threshold))
        return Pipeline(tagger: t, lemmatizer: lemmatizer, parser: p)
    }

    /// The model file's bytes, the same for the same weights.
    func serialized() -> [UInt8] {
        var w = ByteWriter()
        w.string(Self.magic)
        w.strings(tagger.upos)
        w.strings(tagger.xpos)
        tagger.model.write(to: &w)
        tagger.second.write(to: &w)
        let exceptionKeys = lemmatizer.exceptions.keys.sorted()
        w.strings(exceptionKeys)
        w.strings(exceptionKeys.map { lemmatizer.exceptions[$0]! })
        let ruleKeys = lemmatizer.rules.keys.sorted()
        w.strings(ruleKeys)
        w.strings(ruleKeys.map { String(lemmatizer.rules[$0]!.strip) })
        w.strings(ruleKeys.map { lemmatizer.rules[$0]!.append })
        w.strings(parser.labels)
        parser.moves.write(to: &w)
        parser.labeler.write(to: &w)
        let forms = tagger.known.keys.sorted()
        w.strings(forms)
        w.strings(forms.map { String(tagger.known[$0]!) })
        return w.bytes
    }
}
