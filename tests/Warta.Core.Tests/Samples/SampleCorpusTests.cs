using System.Globalization;
using System.Text;
using Warta.Testing;
using Xunit;

namespace Warta.Core.Tests.Samples;

public class SampleCorpusTests
{
    private static readonly string CorpusRoot = RepoPaths.Combine("samples", "corpus");

    [Fact]
    public void Should_label_every_article_in_the_corpus_exactly_once()
    {
        // Given the articles present on disk and the gold story labels
        var present = ArticleSources();
        var labelled = ReadTable("stories.tsv", columns: 3).Select(row => row[0]).ToList();

        // Then each article has one label and no label names a missing article
        Assert.Empty(labelled.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(present.Except(labelled, StringComparer.Ordinal));
        Assert.Empty(labelled.Except(present, StringComparer.Ordinal));
    }

    [Fact]
    public void Should_give_hand_truth_for_every_article_exactly_once()
    {
        // Given the articles present on disk and the expected metadata
        var present = ArticleSources();
        var expected = ReadTable("expected.tsv", columns: 5).Select(row => row[0]).ToList();

        // Then the metadata table covers exactly the same articles
        Assert.Empty(expected.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(present.Except(expected, StringComparer.Ordinal));
        Assert.Empty(expected.Except(present, StringComparer.Ordinal));
    }

    [Fact]
    public void Should_point_every_copy_to_an_earlier_article_of_the_same_story()
    {
        // Given the story labels and the publication times
        var stories = ReadTable("stories.tsv", columns: 3).ToDictionary(row => row[0], StringComparer.Ordinal);
        var published = ReadTable("expected.tsv", columns: 5).ToDictionary(row => row[0], row => row[3], StringComparer.Ordinal);

        // When looking at the near-copies
        var copies = stories.Values.Where(row => row[2].Length > 0).ToList();

        // Then there are some, and each copies an earlier-published article of its own story
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            Assert.True(stories.TryGetValue(copy[2], out var original), $"{copy[0]} copies unlabelled {copy[2]}");
            Assert.NotEqual(copy[0], copy[2]);
            Assert.Equal(original![1], copy[1]);
            Assert.Empty(original[2]);
            Assert.True(
                ParsePublished(published[copy[2]]) < ParsePublished(published[copy[0]]),
                $"{copy[0]} must be published after its original {copy[2]}");
        }
    }

    [Fact]
    public void Should_hold_enough_articles_stories_and_outlets()
    {
        // Given the labels
        var stories = ReadTable("stories.tsv", columns: 3);
        var expected = ReadTable("expected.tsv", columns: 5);

        // Then the corpus is large enough to exercise clustering across outlets
        Assert.True(stories.Count >= 40, $"{stories.Count} articles");
        Assert.True(stories.Select(row => row[1]).Distinct(StringComparer.Ordinal).Count() >= 6);
        Assert.True(expected.Select(row => row[2]).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).Count() >= 3);
    }

    [Fact]
    public void Should_write_expected_times_and_outlets_in_the_documented_format()
    {
        // Given the expected metadata
        var expected = ReadTable("expected.tsv", columns: 5);

        // Then every published value parses, outlets are lower-case and titles are present
        foreach (var row in expected)
        {
            Assert.False(string.IsNullOrWhiteSpace(row[1]), $"{row[0]} has no title");
            Assert.Equal(row[2].ToLowerInvariant(), row[2]);
            if (row[3].Length > 0) ParsePublished(row[3]);
        }
    }

    private static List<string> ArticleSources()
    {
        var sources = new List<string>();
        foreach (var folder in new[] { "txt", "html" })
        {
            sources.AddRange(Directory.GetFiles(Path.Combine(CorpusRoot, folder)).Select(Relative));
        }
        foreach (var path in Directory.GetFiles(Path.Combine(CorpusRoot, "records")))
        {
            var text = File.ReadAllText(path, Encoding.UTF8);
            if (path.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                var lines = text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].Trim().Length > 0) sources.Add($"{Relative(path)}#line {i + 1}");
                }
            }
            else if (path.EndsWith(".csv", StringComparison.Ordinal))
            {
                var records = CountCsvRecords(text) - 1;
                for (var i = 1; i <= records; i++) sources.Add($"{Relative(path)}#record {i}");
            }
        }
        Assert.NotEmpty(sources);
        return sources;
    }

    // Counts records per RFC 4180: a newline inside double quotes belongs to the field, not a record break.
    private static int CountCsvRecords(string text)
    {
        var count = 0;
        var inQuotes = false;
        var recordHasContent = false;
        foreach (var c in text)
        {
            if (c == '"') inQuotes = !inQuotes;
            if (c == '\n' && !inQuotes)
            {
                if (recordHasContent) count++;
                recordHasContent = false;
            }
            else if (c != '\r')
            {
                recordHasContent = true;
            }
        }
        return recordHasContent ? count + 1 : count;
    }

    private static string Relative(string path) =>
        Path.GetRelativePath(CorpusRoot, path).Replace(Path.DirectorySeparatorChar, '/');

    private static List<string[]> ReadTable(string name, int columns)
    {
        var rows = new List<string[]>();
        var lines = File.ReadAllLines(Path.Combine(CorpusRoot, name), Encoding.UTF8);
        Assert.StartsWith("source\t", lines[0], StringComparison.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            Assert.True(cells.Length == columns, $"{name}: '{line}' has {cells.Length} columns, expected {columns}");
            rows.Add(cells);
        }
        return rows;
    }

    private static DateTimeOffset ParsePublished(string value)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmzzz"];
        Assert.True(
            DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed),
            $"published '{value}' is neither yyyy-MM-dd nor yyyy-MM-ddTHH:mm+hh:mm");
        return parsed;
    }
}
