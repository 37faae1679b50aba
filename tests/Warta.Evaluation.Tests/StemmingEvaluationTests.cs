using Warta.Testing;
using Warta.Text;
using Xunit;

namespace Warta.Evaluation.Tests;

public class StemmingEvaluationTests
{
    [Fact]
    public void Should_keep_lemma_accuracy_on_ud_csui_at_or_above_the_floor()
    {
        // Given the UD-CSUI treebank and the dictionary-backed stemmer
        var path = SharedData.PathOf("stemming/id_csui-ud-train.conllu");
        var stemmer = Analyzers.Shared.IndonesianStemmer;
        if (!stemmer.HasDictionary) Assert.Skip(stemmer.Warning ?? "no hunspell-id dictionary");
        using var reader = File.OpenText(path);

        // When every affixed word is stemmed
        var score = StemmingEvaluator.Score(ConlluReader.ReadWords(reader), form => stemmer.Stem(TextNormalizer.Normalize(form)));

        // Then accuracy holds the pinned floor
        Assert.True(score.Count > 2000, $"only {score.Count} affixed words read");
        Assert.True(score.Accuracy >= Baseline.Floor("stemming.csui.accuracy"), $"accuracy {score.Accuracy:P2}");
    }

    [Fact]
    public void Should_score_only_affixed_words_and_skip_multiword_lines()
    {
        const string conllu = """
            # text = menyetujuinya Jakarta buku 3
            1-2	menyetujuinya	_	_	_	_	_	_	_	_
            1	menyetujui	setuju	VERB	_	_	0	root	_	_
            2	nya	nya	PRON	_	_	1	obj	_	_
            3	Jakarta	Jakarta	PROPN	_	_	1	obl	_	_
            4	buku	buku	NOUN	_	_	1	obj	_	_
            5	Pertemuan	temu	NOUN	_	_	1	obj	_	_
            6	3	3	NUM	_	_	1	nummod	_	_

            """;
        var words = ConlluReader.ReadWords(new StringReader(conllu)).ToList();
        var score = StemmingEvaluator.Score(words, form => form == "menyetujui" ? "setuju" : form);

        Assert.Equal(6, words.Count);
        Assert.Equal(2, score.Count);
        Assert.Equal(1, score.Correct);
        Assert.Equal(new StemmingMiss("pertemuan", "temu", "pertemuan", 1), Assert.Single(score.Misses));
    }
}
