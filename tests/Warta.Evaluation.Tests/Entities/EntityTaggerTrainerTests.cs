using Warta.Core.Entities;
using Warta.Evaluation.Entities;
using Xunit;

namespace Warta.Evaluation.Tests.Entities;

public class EntityTaggerTrainerTests
{
    private static readonly string[] People = ["Budi Santoso", "Siti Aminah", "Joko Widodo", "Ani Lestari", "Rudi Hartono", "Dewi Sartika"];
    private static readonly string[] Places = ["Bandung", "Medan", "Surabaya", "Makassar", "Padang", "Ambon"];
    private static readonly string[] Organisations = ["Bank Mandiri", "Partai Golkar", "Universitas Indonesia", "Bank Jateng"];

    /// <summary>Sentences "Presiden PERSON berkunjung ke PLACE bersama ORG ." over all combinations but the held-out ones.</summary>
    private static List<NerSentence> Synthetic(Func<int, int, bool> include)
    {
        var sentences = new List<NerSentence>();
        for (var p = 0; p < People.Length; p++)
        {
            for (var l = 0; l < Places.Length; l++)
            {
                if (!include(p, l)) continue;
                var org = Organisations[(p + l) % Organisations.Length];
                var tokens = new List<string> { "Presiden" };
                var labels = new List<string> { "O" };
                Add(tokens, labels, People[p], "PER");
                tokens.AddRange(["berkunjung", "ke"]);
                labels.AddRange(["O", "O"]);
                Add(tokens, labels, Places[l], "LOC");
                tokens.Add("bersama");
                labels.Add("O");
                Add(tokens, labels, org, "ORG");
                tokens.Add(".");
                labels.Add("O");
                sentences.Add(new NerSentence(tokens, labels));
            }
        }
        return sentences;
    }

    private static void Add(List<string> tokens, List<string> labels, string name, string type)
    {
        var parts = name.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            tokens.Add(parts[i]);
            labels.Add((i == 0 ? "B-" : "I-") + type);
        }
    }

    private static EntityTagger TrainSmall(IReadOnlyList<NerSentence> sentences) =>
        new EntityTaggerTrainer { Epochs = 4, BucketBits = 16, Seed = 7 }.Train(sentences, "synthetic");

    [Fact]
    public void Should_learn_a_tiny_synthetic_set_and_tag_unseen_combinations()
    {
        // Given a tagger trained on all person/place pairs except the diagonal
        var tagger = TrainSmall(Synthetic((p, l) => p != l));

        // When it tags the held-out pairs
        var heldOut = Synthetic((p, l) => p == l);

        // Then every label is right
        Assert.All(heldOut, s => Assert.Equal(s.Labels, tagger.Predict(s.Tokens)));
    }

    [Fact]
    public void Should_predict_the_same_after_a_save_and_load_round_trip()
    {
        // Given a trained tagger
        var sentences = Synthetic((_, _) => true);
        var tagger = TrainSmall(sentences);

        // When saved and loaded
        using var stream = new MemoryStream();
        tagger.Save(stream);
        stream.Position = 0;
        var loaded = EntityTagger.Load(stream);

        // Then predictions and description are the same
        Assert.Equal("synthetic", loaded.Description);
        Assert.All(sentences, s => Assert.Equal(tagger.Predict(s.Tokens), loaded.Predict(s.Tokens)));
        string[] other = ["Kemarin", "Presiden", "Ani", "Lestari", "tiba", "di", "Ambon", "."];
        Assert.Equal(tagger.Predict(other), loaded.Predict(other));
    }

    [Fact]
    public void Should_train_byte_identical_models_for_the_same_seed()
    {
        var sentences = Synthetic((p, l) => p != l);

        var first = new MemoryStream();
        TrainSmall(sentences).Save(first);
        var second = new MemoryStream();
        TrainSmall(sentences).Save(second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    /// <summary>Two sets that disagree on one convention: "Universitas …" is an organisation in one and a place in the other.</summary>
    private static List<(string Domain, IReadOnlyList<NerSentence> Sentences)> TwoConventions()
    {
        static NerSentence Sentence(string university, string type) =>
            new(["Ia", "kuliah", "di", "Universitas", university, "."], ["O", "O", "O", "B-" + type, "I-" + type, "O"]);
        string[] names = ["Indonesia", "Brawijaya", "Airlangga", "Diponegoro", "Hasanuddin", "Padjadjaran"];
        var news = Synthetic((p, l) => p != l);
        news.AddRange(names.Select(n => Sentence(n, "ORG")));
        var wiki = Synthetic((p, l) => p == l);
        wiki.AddRange(names.Select(n => Sentence(n, "LOC")));
        return [("news", news), ("wiki", wiki)];
    }

    private static EntityTagger TrainDomains(string? defaultDomain) =>
        new EntityTaggerTrainer { Epochs = 4, DomainEpochs = 4, BucketBits = 16, Seed = 7 }
            .Train(TwoConventions(), "synthetic", defaultDomain, domainWeights: true);

    [Fact]
    public void Should_follow_each_training_sets_convention_with_its_domain_weights()
    {
        // Given a tagger trained with per-set corrections on two sets that label "Universitas X" differently
        var tagger = TrainDomains(defaultDomain: null);
        string[] tokens = ["Ia", "kuliah", "di", "Universitas", "Gadjah", "."];

        // Then each set's domain tags it as that set does
        Assert.Equal(["news", "wiki"], tagger.Domains);
        Assert.Null(tagger.Domain);
        Assert.Equal("B-ORG", tagger.ForDomain("news").Predict(tokens)[3]);
        Assert.Equal("B-LOC", tagger.ForDomain("wiki").Predict(tokens)[3]);
        Assert.Equal("wiki", tagger.ForDataset("wiki").Domain);
        Assert.Null(tagger.ForDataset("other").Domain);
        Assert.Throws<ArgumentException>(() => tagger.ForDomain("other"));
    }

    [Fact]
    public void Should_keep_domains_and_predictions_and_bytes_across_save_load_and_retraining()
    {
        // Given a tagger with domain weights that tags with the "wiki" correction by default
        var tagger = TrainDomains("wiki");
        using var first = new MemoryStream();
        tagger.Save(first);
        using var second = new MemoryStream();
        TrainDomains("wiki").Save(second);

        // When loaded
        first.Position = 0;
        var loaded = EntityTagger.Load(first);

        // Then the default domain, every domain's predictions and the retrained bytes are the same
        Assert.Equal("wiki", loaded.Domain);
        Assert.Equal(tagger.Domains, loaded.Domains);
        string[] tokens = ["Kemarin", "Presiden", "Ani", "Lestari", "tiba", "di", "Universitas", "Airlangga", "."];
        foreach (var domain in new[] { null, "news", "wiki" })
        {
            Assert.Equal(tagger.ForDomain(domain).Predict(tokens), loaded.ForDomain(domain).Predict(tokens));
        }
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Should_never_output_an_inside_label_that_continues_nothing()
    {
        var tagger = TrainSmall(Synthetic((_, _) => true));

        var labels = tagger.Predict(["Bersama", "Mandiri", "Lestari", "ke", "Jateng", "Santoso", "."]);

        for (var i = 0; i < labels.Length; i++)
        {
            if (!labels[i].StartsWith("I-", StringComparison.Ordinal)) continue;
            Assert.True(i > 0 && labels[i - 1][2..] == labels[i][2..] && labels[i - 1] != "O", string.Join(' ', labels));
        }
    }
}
