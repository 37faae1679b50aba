using System.Text;
using CsCheck;
using Warta.Core.Ingestion;
using Xunit;

namespace Warta.Core.Tests.Ingestion;

public class IngestorRobustnessTests
{
    private static readonly string[] Extensions = ["txt", "html", "jsonl", "csv", "tml", "bin"];

    private static readonly Gen<string> Fragments = Gen.OneOf(
            "<", ">", "</p>", "<p>", "<html>", "<?xml version=\"1.0\"?>", "<TimeML>", "<TEXT>", "<DCT>", "\"", ",", "{", "}",
            "\"title\":", "\n", "\r\n", "&", "KOMPAS.com - ", "Selasa, 26 Maret 2019", "Baca juga: ", "Oleh ", "title,text", "é", "\u2013")
        .Array[0, 40]
        .Select(parts => string.Concat(parts));

    [Fact]
    public void Should_never_throw_for_random_bytes_under_any_extension()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int[0, Extensions.Length - 1]).Sample((bytes, e) =>
        {
            var outcomes = new ArticleIngestor().Read(new RawDocument("input." + Extensions[e], bytes));
            Assert.All(outcomes, o => Assert.True(o.Article is not null ^ o.Error is not null));
        }, iter: 2000);
    }

    [Fact]
    public void Should_never_throw_for_text_made_of_markup_fragments()
    {
        Gen.Select(Fragments, Gen.Int[0, Extensions.Length - 1]).Sample((text, e) =>
        {
            var outcomes = new ArticleIngestor().Read(new RawDocument("input." + Extensions[e], Encoding.UTF8.GetBytes(text)));
            Assert.All(outcomes, o => Assert.True(o.Article is not null ^ o.Error is not null));
        }, iter: 2000);
    }
}
