using Warta.Core.Entities;
using Xunit;

namespace Warta.Core.Tests.Entities;

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
