using Warta.Core.Extraction;
using Xunit;

namespace Warta.Core.Tests.Extraction;

public class LeadTitleExtractorTests
{
    [Fact]
    public void Should_drop_the_date_and_attribution_from_the_first_sentence()
    {
        var title = LeadTitleExtractor.FromLead("Harga cabai naik tajam pada Senin (2/12/2019), kata pedagang Pasar Minggu. Pembeli mengeluh.");

        Assert.Equal("Harga cabai naik tajam", title);
    }

    [Fact]
    public void Should_cut_a_long_sentence_at_a_word_boundary_without_a_dangling_function_word()
    {
        var lead = "Pemerintah provinsi mengumumkan bahwa seluruh sekolah di wilayah pesisir akan ditutup sementara mulai pekan depan karena ancaman banjir rob.";

        var title = LeadTitleExtractor.FromLead(lead);

        Assert.True(title.Length <= 100, title);
        Assert.StartsWith(title, lead, StringComparison.Ordinal);
        Assert.False(title.EndsWith(" di", StringComparison.Ordinal) || title.EndsWith(" karena", StringComparison.Ordinal) || title.EndsWith(' '));
        Assert.Equal("Pemerintah provinsi mengumumkan bahwa seluruh sekolah di wilayah pesisir akan ditutup sementara", title);
    }
}
