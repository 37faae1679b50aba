using Warta.Core.Entities;
using Warta.Evaluation.Entities;
using Xunit;

namespace Warta.Evaluation.Tests.Entities;

public class NerDatasetReaderTests
{
    [Fact]
    public void Should_map_NERP_labels_to_person_place_organisation_and_drop_events()
    {
        // Given NERP lines: IND is an organisation, EVT is dropped
        const string text = "pt\tB-IND\npertamina\tI-IND\ndi\tO\nmanado\tB-PLC\n\nhut\tB-EVT\nri\tI-EVT\nahok\tB-PPL\n";

        // When read
        var sentences = NerDatasetReader.Read(new StringReader(text));

        // Then two sentences with mapped labels
        Assert.Equal(2, sentences.Count);
        Assert.Equal(["B-ORG", "I-ORG", "O", "B-LOC"], sentences[0].Labels);
        Assert.Equal(["O", "O", "B-PER"], sentences[1].Labels);
        Assert.Equal(["pt", "pertamina", "di", "manado"], sentences[0].Tokens);
    }

    [Fact]
    public void Should_read_token_pos_label_columns_of_IDNER()
    {
        const string text = "Kim PROPN B-PER\nJong-un PROPN I-PER\nke ADP O\nRusia PROPN B-LOC\n";

        var sentence = Assert.Single(NerDatasetReader.Read(new StringReader(text)));

        Assert.Equal(["Kim", "Jong-un", "ke", "Rusia"], sentence.Tokens);
        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC"], sentence.Labels);
    }

    [Theory]
    [InlineData("B-PERSON", "B-PER")]
    [InlineData("I-PLACE", "I-LOC")]
    [InlineData("B-ORGANISATION", "B-ORG")]
    [InlineData("I-ORGANIZATION", "I-ORG")]
    [InlineData("B-LOCATION", "B-LOC")]
    [InlineData("B-QUANTITY", "O")]
    [InlineData("B-FNB", "O")]
    [InlineData("O", "O")]
    public void Should_map_each_corpus_label_set(string corpus, string expected) =>
        Assert.Equal(expected, NerDatasetReader.MapLabel(corpus));
}
